import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD05: Rule = {
  id: 'SD05', name: 'zero-or-one-column-table', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'A table with one column or none holds no relationship between facts; it is usually unfinished or a set better kept as an enum or CHECK.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.columns.length <= 1 && t.table.kind !== 'foreign'
      ? { target: at(t), message: `${t.qname} has ${t.table.columns.length === 0 ? 'no columns' : 'only one column'}` }
      : undefined),
};
