import type { SchemaSnapshot } from '../../introspect/types.js';
import type { ColumnUse } from '../query-shape.js';
import type { IndexAdvice } from '../types.js';
import { alreadyIndexed, createIndexSql, mergeAdvice, type AdviceCandidate } from './candidates.js';

/** Below this many rows a sequential scan is as good as an index (PgHero: 500). */
const MIN_ROWS = 500;

const RANK: Record<ColumnUse['kind'], number> = { eq: 0, in: 1, null: 2, range: 3, like: 4, other: 5 };

/**
 * Index advice without HypoPG (PgHero's rule of thumb): per table, the columns compared with a value
 * — equalities first, at most one range, two columns at most — else the join key, else the ORDER BY
 * column. Labelled unverified: the planner was not asked.
 */
export function heuristicAdvice(candidates: AdviceCandidate[], snap: SchemaSnapshot | undefined, rows: (table: string) => number | undefined, why: string, o: { minMeanMs?: number } = {}): IndexAdvice[] {
  const out: IndexAdvice[] = [];
  for (const c of candidates) {
    // without a database, fast statements are taken as already indexed (the planner cannot be asked)
    if (!snap && c.group.meanMs < (o.minMeanMs ?? 5)) continue;
    for (const [table, all] of c.columns) {
      // without a catalog, `id` is taken to be the primary key
      const uses = snap ? all : all.filter((u) => u.column !== 'id');
      const n = rows(table);
      if (n !== undefined && n < MIN_ROWS) continue;
      const filters = uses.filter((u) => u.role === 'filter' && u.withValue && u.kind !== 'other' && u.kind !== 'like').sort((a, b) => RANK[a.kind] - RANK[b.kind]);
      const cols: string[] = [];
      for (const f of filters) {
        if (cols.length === 2) break;
        cols.push(f.column);
        if (f.kind === 'range') break;
      }
      if (!cols.length) {
        const join = uses.find((u) => u.role === 'join' && u.kind === 'eq');
        const order = uses.find((u) => u.role === 'order');
        if (join) cols.push(join.column);
        else if (order && c.shape.tables.length === 1) cols.push(order.column);
      }
      if (!cols.length || alreadyIndexed(snap, table, cols) || alreadyIndexed(snap, table, cols.slice(0, 1))) continue;
      out.push({
        table, columns: cols, sql: createIndexSql(table, cols), verified: false, queries: [c.group.fingerprint],
        reason: `${cols.join(', ')} ${cols.length > 1 ? 'are' : 'is'} compared in ${c.group.calls} call${c.group.calls === 1 ? '' : 's'} (${c.group.meanMs.toFixed(1)} ms mean) of ${c.group.query.length > 80 ? `${c.group.query.slice(0, 77)}…` : c.group.query}${snap ? ' and no index leads with it' : ''}; not checked with the planner: ${why}`,
      });
    }
  }
  return mergeAdvice(out);
}
