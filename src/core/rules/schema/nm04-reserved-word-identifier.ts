import { RESERVED_WORDS } from '../../sql/ident.js';
import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const NM04: Rule = {
  id: 'NM04', name: 'reserved-word-identifier', category: 'naming', severity: 'warning', needs: ['snapshot'],
  why: 'A name that is an SQL keyword (order, user, group, …) must be double-quoted everywhere, and hand-written queries break on it.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => RESERVED_WORDS.has(t.table.name) || t.table.columns.some((c) => RESERVED_WORDS.has(c.name)) ? [
    ...(RESERVED_WORDS.has(t.table.name) ? [{ target: at(t), message: `table name "${t.table.name}" is an SQL keyword` }] : []),
    ...t.table.columns.filter((c) => RESERVED_WORDS.has(c.name) && !c.inherited).map((c) => ({ target: at(t, { column: c.name }), message: `column name "${c.name}" on ${t.qname} is an SQL keyword` })),
  ] : undefined),
};
