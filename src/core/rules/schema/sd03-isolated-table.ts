import { at, incomingFks, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD03: Rule = {
  id: 'SD03', name: 'isolated-table', category: 'design', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'A table with no foreign key in or out often means a missing relationship, or a leftover nobody uses.',
  check: (ctx) => {
    const incoming = incomingFks(ctx.snapshot);
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
      t.table.foreignKeys.length || incoming.get(t.qname)?.length
        ? undefined
        : { target: at(t), message: `${t.qname} has no foreign key to or from another table` });
  },
};
