import { quoteIdent } from '../sql/ident.js';
import { queryShape } from './query-shape.js';
import type { Bottleneck, HealthReport, IndexAdvice, NPlusOne, QueryGroup, Recommendation, SourceSummary } from './types.js';

const MB = 1024 * 1024;

/** Pooling advice from connection use (PgHero's limits; PgBouncer transaction mode for many idle sessions). */
export function poolingAdvice(c: HealthReport['connections'], database = 'postgres'): Recommendation[] {
  if (!c || !c.max) return [];
  const out: Recommendation[] = [];
  const idle = c.byState.find((s) => s.state === 'idle')?.count ?? 0;
  if (c.total >= c.max * 0.8) {
    out.push({ id: 'pooling', message: `${c.total} of max_connections ${c.max} connections are in use: put PgBouncer (pool_mode = transaction) in front of the database, sized to about 2 × CPU cores of active connections` });
  } else if (c.total >= 20 && idle / c.total > 0.5) {
    const top = c.byApplication[0];
    out.push({ id: 'pooling', message: `${idle} of ${c.total} connections are idle${top ? ` (most from ${top.name})` : ''}: a pooler in transaction mode (PgBouncer pool_mode = transaction) or a smaller application pool frees them` });
  }
  if (c.idleInTransaction > 0) {
    out.push({ id: 'idle-in-transaction', message: `${c.idleInTransaction} session${c.idleInTransaction === 1 ? ' is' : 's are'} idle in a transaction, holding locks and old snapshots: end transactions promptly and set a timeout`, sql: `ALTER DATABASE ${quoteIdent(database)} SET idle_in_transaction_session_timeout = '60s';` });
  }
  return out;
}

/**
 * Repeated heavy aggregates are candidates for a materialized view (no parameters: the same
 * result every time) or a maintained summary table (parameters: one row per key).
 */
export function aggregateAdvice(groups: QueryGroup[], o: { minCalls?: number; minMeanMs?: number } = {}): Recommendation[] {
  const minCalls = o.minCalls ?? 20;
  const minMean = o.minMeanMs ?? 50;
  const out: Recommendation[] = [];
  for (const g of groups) {
    if (g.calls < minCalls || g.meanMs < minMean) continue;
    const shape = queryShape(g.query);
    if (!shape?.aggregate || shape.kind !== 'select') continue;
    const base = shape.tables[0]?.name ?? 'summary';
    if (shape.params === 0) {
      out.push({
        id: 'materialized-view',
        message: `the aggregate ${short(g.query)} runs ${g.calls} times at ${g.meanMs.toFixed(1)} ms each: precompute it in a materialized view refreshed on a schedule`,
        sql: `CREATE MATERIALIZED VIEW ${base}_summary AS ${g.query.replace(/;\s*$/, '')};\n-- then: REFRESH MATERIALIZED VIEW CONCURRENTLY ${base}_summary; (needs a unique index on it)`,
      });
    } else {
      out.push({ id: 'denormalise', message: `the aggregate ${short(g.query)} runs ${g.calls} times at ${g.meanMs.toFixed(1)} ms each for different keys: keep the figure in a summary table (or a counter column) maintained by the writes that change it` });
    }
  }
  return out;
}

/**
 * N+1 suspects from pg_stat_statements alone (explain.md §8.3): very many fast calls returning a row
 * or two, each a lookup of one table by equality. Counters cannot prove the looping — a log can.
 */
export function nPlusOneSuspects(groups: QueryGroup[], o: { minCalls?: number } = {}): Recommendation[] {
  const out: Recommendation[] = [];
  for (const g of groups) {
    if (g.source !== 'pg_stat_statements' || g.calls < (o.minCalls ?? 500) || g.meanMs >= 1 || g.rows === undefined || g.rows / g.calls > 2) continue;
    const shape = queryShape(g.query);
    const eq = shape?.columns.find((c) => c.role === 'filter' && c.kind === 'eq' && c.withValue);
    if (!shape || shape.kind !== 'select' || shape.tables.length !== 1 || !eq) continue;
    out.push({ id: 'n-plus-one-suspect', message: `${g.calls} calls of ${short(g.query)} at ${(g.rows / g.calls).toFixed(1)} rows each: looks like a lookup run once per row of another query (N+1); confirm with a server log (analyze --log, log_min_duration_statement = 0), then load ${shape.tables[0]!.name} by ${eq.column} = ANY($1) or eager-load it` });
  }
  return out;
}

/** Bottlenecks per table, as the seed's report lists them: the table, what is wrong and what to do. */
export function bottlenecks(health: HealthReport, advice: IndexAdvice[], nPlusOne: NPlusOne[]): Bottleneck[] {
  const out: Bottleneck[] = [];
  for (const a of advice) {
    out.push({ table: a.table, issue: `queries filter, join or sort on ${a.columns.join(', ')} without an index${a.costBefore ? ` (plan cost ${a.costBefore})` : ''}`, solution: a.sql });
  }
  for (const n of nPlusOne) {
    const t = queryShape(n.query)?.tables[0]?.name ?? '?';
    out.push({ table: t, issue: `N+1: ${n.executions} executions of ${short(n.query)} after ${short(n.after)}`, solution: n.fix });
  }
  for (const f of health.findings) {
    if (!f.target.table || !f.fix) continue;
    out.push({ table: `${f.target.schema}.${f.target.table}`, issue: `${f.ruleId} ${f.message}`, solution: f.fix.sql ?? f.fix.steps?.join('; ') ?? '' });
  }
  for (const s of health.sizes) {
    if (s.kind !== 'table' || !s.bloatBytes || s.bloatBytes < 10 * MB || s.bloatBytes < s.bytes * 0.3) continue;
    out.push({ table: s.name, issue: `about ${(s.bloatBytes / MB).toFixed(0)} MB of ${(s.bytes / MB).toFixed(0)} MB is estimated bloat`, solution: `VACUUM (ANALYZE) ${s.name}; to reuse the space, or pg_repack / VACUUM FULL (locks the table) to return it` });
  }
  return out;
}

/** Everything to act on, as id + message + SQL: the sources' notes first, then fixes. */
export function recommendations(sources: SourceSummary, health: HealthReport, advice: IndexAdvice[], nPlusOne: NPlusOne[], groups: QueryGroup[]): Recommendation[] {
  const out: Recommendation[] = [];
  if (['not installed', 'not loaded', 'no access'].includes(sources.pgStatStatements)) {
    out.push({ id: 'enable-pg-stat-statements', message: sources.notes.find((n) => n.includes('pg_stat_statements')) ?? `pg_stat_statements: ${sources.pgStatStatements}`, sql: 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;' });
  }
  if (sources.hypopg === 'not installed') out.push({ id: 'install-hypopg', message: 'HypoPG is available but not installed in this database: install it so index advice is checked against the planner (needs write mode)', sql: 'CREATE EXTENSION IF NOT EXISTS hypopg;' });
  for (const a of advice) out.push({ id: 'index-advice', message: `${a.verified ? '' : 'unverified: '}index ${a.table} (${a.columns.join(', ')}): ${a.reason}`, sql: a.sql });
  for (const n of nPlusOne) out.push({ id: 'n-plus-one', message: `${n.executions} executions of ${short(n.query)} in ${n.bursts} burst${n.bursts === 1 ? '' : 's'} after ${short(n.after)}: ${n.fix}` });
  for (const f of health.findings) out.push({ id: f.ruleId, message: f.message, ...(f.fix?.sql ? { sql: f.fix.sql } : {}) });
  out.push(...poolingAdvice(health.connections, sources.database), ...aggregateAdvice(groups));
  // a burst seen in the logs already says it better
  out.push(...nPlusOneSuspects(groups).filter((r) => !nPlusOne.some((n) => r.message.includes(short(n.query)))));
  return out;
}

const short = (q: string): string => {
  const s = q.replace(/\s+/g, ' ');
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
};
