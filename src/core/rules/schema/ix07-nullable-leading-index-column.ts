import { at, column, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX07: Rule = {
  id: 'IX07', name: 'nullable-leading-index-column', category: 'indexing', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'When most values of the leading column are NULL, a partial index WHERE col IS NOT NULL is smaller and faster.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.filter((ix) => {
      const first = ix.keys[0]?.column;
      return !ix.unique && !ix.predicate && first && column(t.table, first)?.notNull === false;
    }).map((ix) => ({ target: at(t, { object: ix.name, column: ix.keys[0]!.column }), message: `index ${ix.name} leads with nullable ${ix.keys[0]!.column} and has no IS NOT NULL predicate` }))),
};
