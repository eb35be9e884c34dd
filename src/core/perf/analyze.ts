import type { Connection } from '../db/connection.js';
import { readSnapshot } from '../introspect/read.js';
import type { SchemaSnapshot } from '../introspect/types.js';
import { lintSnapshot } from '../rules/engine.js';
import { gatherRuleStats } from '../rules/lint-database.js';
import { SCHEMA_RULES } from '../rules/registry.js';
import type { RuleStats } from '../rules/stats.js';
import { adviceCandidates, type AdviceCandidate } from './advice/candidates.js';
import { heuristicAdvice } from './advice/heuristic.js';
import { DEFAULT_ADVICE, hypoAdvice, hypopgStatus, type AdviceThresholds } from './advice/hypo.js';
import { explainCost } from './advice/plan-cost.js';
import { Fingerprinter } from './fingerprint.js';
import { analyzeLogs } from './log/analyze-logs.js';
import type { NPlusOneThresholds } from './nplus1/detect.js';
import { insightsOf, loggedPlan } from './plan-insights.js';
import { queryShape } from './query-shape.js';
import { bottlenecks, recommendations } from './recommendations.js';
import { readActivity } from './server/activity.js';
import { LOCKED_SIZES_NOTE, readCacheHit, readSizes } from './server/space.js';
import { readStatements, type StatementsOrder } from './server/statements.js';
import type { HealthReport, IndexAdvice, PerformanceReport, QueryGroup, SlowQuery, SourceSummary } from './types.js';

export interface AnalyzeOptions {
  logs?: string[];
  /** only log executions after this epoch ms */
  since?: number;
  nPlusOne?: Partial<NPlusOneThresholds>;
  advice?: Partial<AdviceThresholds>;
  /** statements listed per section */
  top?: number;
  /** a statement counts as slow from this mean time (PgHero: 20 ms) */
  slowMs?: number;
  /** running longer than this counts as long-running (PgHero: 60 s) */
  longRunningSec?: number;
  schemas?: string[];
  /** which pg_stat_statements entries to read: the top by this measure (default total time) */
  order?: StatementsOrder;
  /** skip the health part (for `--indexes`) */
  indexesOnly?: boolean;
}

/** The schema rules that are about performance and health: HL*, and the index rules that need statistics or find waste. */
export const HEALTH_RULE_IDS: readonly string[] = [...SCHEMA_RULES.filter((r) => r.category === 'health').map((r) => r.id), 'IX02', 'IX03', 'IX04', 'IX05', 'IX12']
  .filter((id) => SCHEMA_RULES.some((r) => r.id === id));

/** Groups with the same fingerprint (pg_stat_statements keeps one row per role and top-level flag) summed. */
export function mergeGroups(groups: QueryGroup[]): QueryGroup[] {
  const by = new Map<string, QueryGroup>();
  for (const g of groups) {
    const key = `${g.source}\u0001${g.fingerprint}`;
    const m = by.get(key);
    if (!m) { by.set(key, { ...g }); continue; }
    m.calls += g.calls;
    m.totalMs += g.totalMs;
    m.maxMs = Math.max(m.maxMs, g.maxMs);
    if (g.rows !== undefined) m.rows = (m.rows ?? 0) + g.rows;
    if (g.sharedBlocksRead !== undefined) m.sharedBlocksRead = (m.sharedBlocksRead ?? 0) + g.sharedBlocksRead;
    m.meanMs = m.calls ? m.totalMs / m.calls : 0;
    m.example ??= g.example;
    m.plan ??= g.plan;
  }
  // pg_stat_statements is the complete record: log groups only add statements it does not have
  const fromStats = new Set([...by.values()].filter((g) => g.source === 'pg_stat_statements').map((g) => g.fingerprint));
  return [...by.values()].filter((g) => g.source === 'pg_stat_statements' || !fromStats.has(g.fingerprint));
}

/** The server-side health figures: sessions, locks, cache, sizes and the HL/IX rules. */
export async function readHealth(conn: Connection, snapshot: SchemaSnapshot, stats: RuleStats, o: { longRunningSec?: number; top?: number } = {}): Promise<HealthReport> {
  const notes: string[] = [];
  const health: HealthReport = { longRunning: [], blocking: [], sizes: [], findings: [], notes };
  const lint = lintSnapshot(snapshot, { stats, only: [...HEALTH_RULE_IDS] });
  health.findings = lint.findings;
  // one note per reason: a dozen rules share "needs cumulative statistics" on PGlite
  const byReason = new Map<string, string[]>();
  for (const n of lint.notRun) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), n.ruleId]);
  for (const [reason, ids] of byReason) notes.push(`${ids.join(', ')} not run: ${reason}`);
  if (conn.server.flavor === 'pglite') {
    notes.push('the embedded PGlite database has one session and keeps no cumulative statistics: connections, locks, cache hit ratios and usage counts need a server');
  } else {
    const a = await readActivity(conn, { limit: o.top ?? 20 }).catch((err: Error) => { notes.push(`sessions not readable: ${err.message}`); return undefined; });
    if (a) {
      health.connections = a.connections;
      health.longRunning = a.active.filter((q) => q.seconds >= (o.longRunningSec ?? 60));
      health.blocking = a.blocking;
      if (a.limited) notes.push(`other roles' queries are hidden: GRANT pg_monitor TO ${conn.server.user} to see them`);
    }
    health.cacheHit = await readCacheHit(conn).catch(() => undefined);
  }
  const sizes = await readSizes(conn, Object.keys(snapshot.schemas), o.top ?? 20).catch((err: Error) => { notes.push(`sizes not readable: ${err.message}`); return []; });
  if ('approximate' in sizes) notes.push(LOCKED_SIZES_NOTE);
  health.sizes = [...sizes];
  return health;
}

/** Generic-plan cost and a one-line account of the plan of each slow statement (read-only, rolled back). */
async function planSlowQueries(conn: Connection, slow: SlowQuery[], groups: Map<string, QueryGroup>): Promise<void> {
  await conn.withSession(async (s) => {
    await s.query('BEGIN READ ONLY');
    try {
      await s.query(`SET LOCAL statement_timeout = '10s'`);
      for (const q of slow) {
        const g = groups.get(q.fingerprint);
        const sql = g?.example && !/\$\d/.test(g.query) ? g.example : q.query;
        const shape = queryShape(sql);
        if (!shape || shape.kind === 'other' || shape.kind === 'insert') continue;
        await s.query('SAVEPOINT tw_slow');
        try {
          const f = await explainCost(s, sql, shape.params, conn.server.versionNum);
          // a logged auto_explain plan has actual rows: its insights say more than the generic plan's
          q.plan = { totalCost: f.totalCost, summary: f.summary.slice(0, 6), insights: q.plan?.insights.length ? q.plan.insights : insightsOf(f.plan) };
          await s.query('RELEASE SAVEPOINT tw_slow');
        } catch {
          await s.query('ROLLBACK TO SAVEPOINT tw_slow');
        }
      }
    } finally {
      await s.query('ROLLBACK').catch(() => {});
    }
  });
}

async function indexAdvice(conn: Connection | undefined, candidates: AdviceCandidate[], snapshot: SchemaSnapshot | undefined, stats: RuleStats | undefined, sources: SourceSummary, t: AdviceThresholds): Promise<IndexAdvice[]> {
  const rows = (table: string) => stats?.tables[table]?.reltuples;
  if (!conn || !snapshot) return heuristicAdvice(candidates, undefined, rows, 'no database connected (--url) to check existing indexes');
  if (sources.hypopg === 'used') return hypoAdvice(conn, candidates, snapshot, t);
  const why = sources.hypopg === 'not installed' ? 'HypoPG is not installed in this database: CREATE EXTENSION hypopg' : conn.server.flavor === 'pglite' ? 'HypoPG is not available in PGlite' : 'HypoPG is not available on this server';
  return heuristicAdvice(candidates, snapshot, rows, why);
}

/**
 * The whole performance report: statements from pg_stat_statements and logs, N+1 bursts, index
 * advice, slow statements with their plans, health figures, bottlenecks and recommendations.
 * Anything unavailable (no extension, no permission, PGlite) becomes a note, never a failure.
 */
export async function analyzePerformance(conn: Connection | undefined, o: AnalyzeOptions = {}): Promise<PerformanceReport> {
  const top = o.top ?? 20;
  const fp = await Fingerprinter.create();
  const sources: SourceSummary = { pgStatStatements: 'not connected', hypopg: 'not connected', logs: [], notes: [] };
  const logs = o.logs?.length ? await analyzeLogs(o.logs, { since: o.since, nPlusOne: o.nPlusOne }) : undefined;
  if (logs) sources.logs = logs.logs;
  let snapshot: SchemaSnapshot | undefined;
  let stats: RuleStats | undefined;
  let health: HealthReport = { longRunning: [], blocking: [], sizes: [], findings: [], notes: [] };
  const groups: QueryGroup[] = [...(logs?.groups ?? [])];
  if (conn) {
    sources.database = conn.server.database;
    snapshot = await readSnapshot(conn, { schemas: o.schemas, stats: false });
    stats = await gatherRuleStats(conn, snapshot);
    const st = await readStatements(conn, fp, { limit: Math.max(50, top), order: o.order });
    sources.pgStatStatements = st.status;
    sources.statsReset = st.statsReset;
    if (st.note) sources.notes.push(st.note);
    groups.push(...st.groups);
    sources.hypopg = await hypopgStatus(conn);
    if (!o.indexesOnly) health = await readHealth(conn, snapshot, stats, { longRunningSec: o.longRunningSec, top });
  }
  const merged = mergeGroups(groups);
  const byTotal = [...merged].sort((a, b) => b.totalMs - a.totalMs);
  const advice = await indexAdvice(conn, adviceCandidates(byTotal.slice(0, 50), snapshot), snapshot, stats, sources, { ...DEFAULT_ADVICE, ...o.advice });
  const nPlusOne = logs?.nPlusOne.result(snapshot) ?? [];
  const slowMs = o.slowMs ?? 20;
  const slow: SlowQuery[] = [...merged].filter((g) => g.meanMs >= slowMs).sort((a, b) => b.meanMs - a.meanMs).slice(0, top)
    .map((g) => {
      const plan = g.plan ? loggedPlan(g.plan) : undefined;
      return { fingerprint: g.fingerprint, query: g.query, calls: g.calls, meanMs: round(g.meanMs), totalMs: round(g.totalMs), ...(plan ? { plan } : {}) };
    });
  if (conn && !o.indexesOnly && slow.length) await planSlowQueries(conn, slow, new Map(merged.map((g) => [g.fingerprint, g])));
  if (!conn && !logs) sources.notes.push('nothing to analyze: connect to a database (--url, --db, DATABASE_URL) or give --log FILE');
  return {
    performance_analysis: {
      query_patterns: {
        frequent_queries: [...merged].sort((a, b) => b.calls - a.calls || b.totalMs - a.totalMs).slice(0, top)
          .map((g) => ({ fingerprint: g.fingerprint, query: g.query, calls: g.calls, totalMs: round(g.totalMs), meanMs: round(g.meanMs), ...(g.rows !== undefined ? { rows: g.rows } : {}), source: g.source })),
        recommendations: recommendations(sources, health, advice, nPlusOne, merged),
      },
      bottlenecks: bottlenecks(health, advice, nPlusOne),
      n_plus_one: nPlusOne,
      index_advice: advice,
      slow_queries: slow,
      health,
      sources,
    },
  };
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
