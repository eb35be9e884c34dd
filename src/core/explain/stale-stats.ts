import type { Connection } from '../db/connection.js';
import { quoteQName } from '../sql/ident.js';
import { fmtCount } from './format.js';
import type { Insight } from './insights/index.js';
import type { PlanTree } from './types.js';

interface TableStats { schema: string; table: string; live: number; modified: number; analyzedAgoSec: number | null }

/**
 * explain.md §3 #9, the one insight that needs the live database: a misestimated scan on a table
 * changed by over 10 % since its last (auto)analyze, or not analyzed for an hour.
 */
export async function staleStatsInsights(conn: Connection, tree: PlanTree, insights: Insight[]): Promise<Insight[]> {
  const flagged = insights.filter((i) => i.id === 'row-misestimate' && i.nodeId !== null).map((i) => tree.nodes[i.nodeId! - 1]!).filter((n) => n.relation);
  if (!flagged.length) return [];
  const names = [...new Set(flagged.map((n) => `${n.schema ?? 'public'}.${n.relation}`))];
  const r = await conn.query<{ schema: string; table: string; live: string; modified: string; ago: number | null }>(
    `SELECT schemaname AS schema, relname AS table, n_live_tup AS live, n_mod_since_analyze AS modified,
            extract(epoch FROM now() - greatest(last_analyze, last_autoanalyze))::float8 AS ago
     FROM pg_stat_user_tables WHERE schemaname || '.' || relname = ANY($1)`, [names]);
  const stats = new Map<string, TableStats>(r.rows.map((x) => [`${x.schema}.${x.table}`, { schema: x.schema, table: x.table, live: Number(x.live), modified: Number(x.modified), analyzedAgoSec: x.ago }]));
  const out: Insight[] = [];
  for (const n of flagged) {
    const s = stats.get(`${n.schema ?? 'public'}.${n.relation}`);
    if (!s) continue;
    const changed = s.modified > 0.1 * Math.max(1, s.live);
    const old = s.analyzedAgoSec === null || s.analyzedAgoSec > 3600;
    if (!changed && !old) continue;
    const sql = `ANALYZE ${quoteQName(s.schema, s.table)};`;
    const why = changed ? `${fmtCount(s.modified)} rows changed since the last analyze (${fmtCount(s.live)} live)` : s.analyzedAgoSec === null ? 'never analyzed' : `last analyzed ${Math.round(s.analyzedAgoSec / 3600)} h ago`;
    out.push({ id: 'stale-stats', nodeId: n.id, severity: 'warn', impactMs: n.inclusiveMs, message: `statistics of ${s.schema}.${s.table} are stale: ${why}, and ${n.label} is misestimated`, action: `run ${sql} and explain again`, sql });
  }
  return out;
}
