import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD09: Rule = {
  id: 'SD09', name: 'pk-not-first', category: 'design', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'Readers and generated code expect the key first; keys buried among other columns are easy to miss.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const pk = t.table.primaryKey?.columns;
    if (!pk) return undefined;
    const first = t.table.columns.slice(0, pk.length).map((c) => c.name);
    return pk.every((c) => first.includes(c)) ? undefined : { target: at(t, { object: t.table.primaryKey!.name }), message: `${t.qname}: primary key columns (${pk.join(', ')}) are not the first columns` };
  }),
};
