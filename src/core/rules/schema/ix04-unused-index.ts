import { quoteQName } from '../../sql/ident.js';
import { at, indexCovers, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX04: Rule = {
  id: 'IX04', name: 'unused-index', category: 'indexing', severity: 'warning', needs: ['stats'], cumulative: true,
  why: 'An index no query has used since statistics were reset costs writes and storage for nothing (check replicas too before dropping).',
  defaults: { minDaysSinceReset: 7 },
  check: (ctx) => {
    const stats = ctx.stats!;
    const reset = stats.statsReset ? Date.parse(stats.statsReset) : undefined;
    const days = reset ? (Date.now() - reset) / 86_400_000 : Infinity;
    if (days < (ctx.options.minDaysSinceReset as number)) return [];
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
      t.table.indexes.filter((ix) => !ix.unique && !ix.constraint && !ix.exclusion && ix.valid &&
        !t.table.foreignKeys.some((fk) => indexCovers(ix, fk.columns)) &&
        stats.indexScans[`${t.schema}.${ix.name}`] === 0)
        .map((ix) => ({
          target: at(t, { object: ix.name }),
          message: `index ${ix.name} on ${t.qname} has not been used since statistics were reset${reset ? ` (${Math.floor(days)} days)` : ''}`,
          fix: { sql: `DROP INDEX CONCURRENTLY ${quoteQName(t.schema, ix.name)};` },
        })));
  },
};
