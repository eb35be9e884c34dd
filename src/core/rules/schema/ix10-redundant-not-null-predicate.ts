import { at, column, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX10: Rule = {
  id: 'IX10', name: 'redundant-not-null-predicate', category: 'indexing', severity: 'info', needs: ['snapshot'],
  why: 'WHERE col IS NOT NULL on a NOT NULL column filters nothing but stops the planner from using the index for queries without that clause.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.flatMap((ix) => {
      const m = ix.predicate && /^\(?"?([^"\s()]+)"? IS NOT NULL\)?$/i.exec(ix.predicate.trim());
      return m && column(t.table, m[1]!)?.notNull
        ? [{ target: at(t, { object: ix.name, column: m[1] }), message: `partial index ${ix.name}: ${m[1]} is NOT NULL already, so WHERE ${ix.predicate} is redundant` }]
        : [];
    })),
};
