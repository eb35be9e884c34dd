import type { Connection, Session } from '../db/connection.js';
import { UserError } from '../errors.js';
import { indexNameFor } from '../rules/model.js';
import { quoteIdent, quoteQName } from '../sql/ident.js';
import { buildTree } from './build-tree.js';
import { parseFilter } from './filter.js';
import { parseJsonPlan } from './parse-json.js';
import type { Insight } from './insights/index.js';
import { explainInTransaction } from './run.js';
import type { PlanTree } from './types.js';

export interface IndexCandidate {
  schema?: string;
  table: string;
  columns: string[];
}

export interface WhatIfTrial {
  candidate: IndexCandidate;
  /** the statement to keep: CREATE INDEX CONCURRENTLY … */
  createSql: string;
  cost: number;
  /** whether the new plan uses the index */
  used: boolean;
  plan?: PlanTree;
  error?: string;
}

export type WhatIfMethod = 'hypopg' | 'built-and-rolled-back';

export interface WhatIfResult {
  method: WhatIfMethod;
  before: PlanTree;
  costBefore: number;
  trials: WhatIfTrial[];
  /** Dexter's rule: the cheapest trial that halves the cost */
  best?: WhatIfTrial;
  notes: string[];
}

const target = (c: IndexCandidate) => (c.schema ? quoteQName(c.schema, c.table) : quoteIdent(c.table));
export const createIndexStatement = (c: IndexCandidate, concurrently = true): string =>
  `CREATE INDEX${concurrently ? ' CONCURRENTLY' : ''} ${quoteIdent(indexNameFor(c.table, c.columns))} ON ${target(c)} (${c.columns.map(quoteIdent).join(', ')});`;

const BUILT_MAX = 6;
const key = (c: IndexCandidate) => `${c.schema ?? ''}.${c.table}(${c.columns.join(',')})`;

/**
 * Candidate indexes from a plan, Dexter's way (explain.md §5.1): each filtered column of a
 * sequential scan alone, then every ordered pair on the same table, plus what insights proposed.
 */
export function indexCandidates(tree: PlanTree, insights: Insight[] = [], max = 24): IndexCandidate[] {
  const out = new Map<string, IndexCandidate>();
  const add = (c: IndexCandidate) => { if (c.columns.length && out.size < max) out.set(key(c), c); };
  for (const i of insights) if (i.index?.columns.length) add({ schema: i.index.schema, table: i.index.table, columns: i.index.columns });
  for (const n of tree.nodes) {
    if (n.nodeType !== 'Seq Scan' || !n.relation) continue;
    const exprs = ['Filter', 'Join Filter'].map((k) => n.raw[k]).filter((v): v is string => typeof v === 'string');
    const alias = n.alias ?? n.relation;
    const cols = [...new Set(exprs.flatMap((e) => columnsOf(e, alias)))];
    for (const c of cols) add({ schema: n.schema, table: n.relation, columns: [c] });
    for (const a of cols) for (const b of cols) if (a !== b) add({ schema: n.schema, table: n.relation, columns: [a, b] });
  }
  return [...out.values()];
}

/** Columns of `alias` an expression compares; unqualified names count when nothing is qualified. */
function columnsOf(expr: string, alias: string): string[] {
  const qualified = [...expr.matchAll(/(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))\.(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))/gi)];
  if (qualified.length) return qualified.filter((m) => (m[1] ?? m[2]) === alias).map((m) => m[3] ?? m[4]!);
  return parseFilter(expr).conditions.map((c) => c.column);
}

const rootCost = (t: PlanTree) => t.root.totalCost;
const usesIndexNamed = (t: PlanTree, re: RegExp) => t.nodes.some((n) => !!n.index && re.test(n.index));

/** Whether HypoPG can be used on this connection, and if not, why. */
export async function hypopgStatus(conn: Connection): Promise<{ ok: boolean; reason?: string }> {
  if (conn.server.flavor === 'pglite') return { ok: false, reason: 'HypoPG is not available in the embedded database (PGlite)' };
  const r = await conn.query<{ installed: boolean; available: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg') AS installed, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') AS available");
  const { installed, available } = r.rows[0]!;
  if (installed) return { ok: true };
  return { ok: false, reason: available ? 'HypoPG is on the server but not installed in this database: CREATE EXTENSION hypopg (needs write mode)' : 'HypoPG is not installed on this server (package postgresql-NN-hypopg)' };
}

async function trialHypo(s: Session, sql: string, c: IndexCandidate): Promise<WhatIfTrial> {
  const createSql = createIndexStatement(c);
  try {
    const r = await s.query<{ indexrelid: number; indexname: string }>('SELECT indexrelid, indexname FROM hypopg_create_index($1)', [`CREATE INDEX ON ${target(c)} (${c.columns.map(quoteIdent).join(', ')})`]);
    const oid = r.rows[0]!.indexrelid;
    const plan = buildTree(await explainInTransaction(s, sql, { analyze: false, write: false, timeoutMs: 10_000 }));
    return { candidate: c, createSql, cost: rootCost(plan), used: usesIndexNamed(plan, new RegExp(`<${oid}>`)), plan };
  } catch (err) {
    return { candidate: c, createSql, cost: Infinity, used: false, error: String((err as Error).message).split('\n')[0] };
  } finally {
    await s.query('SELECT hypopg_reset()').catch(() => {});
  }
}

/** No HypoPG: build the index for real inside a transaction, plan, roll back (embedded databases only). */
async function trialBuilt(s: Session, sql: string, c: IndexCandidate): Promise<WhatIfTrial> {
  const createSql = createIndexStatement(c);
  const name = `tw_whatif_${Math.random().toString(36).slice(2, 10)}`;
  await s.exec('BEGIN');
  try {
    await s.exec(`CREATE INDEX ${name} ON ${target(c)} (${c.columns.map(quoteIdent).join(', ')})`);
    const r = await s.query<Record<string, unknown>>(`EXPLAIN (VERBOSE, FORMAT JSON) ${sql}`);
    const cell = Object.values(r.rows[0] ?? {})[0];
    const plan = buildTree(parseJsonPlan(typeof cell === 'string' ? cell : JSON.stringify(cell)));
    return { candidate: c, createSql, cost: rootCost(plan), used: usesIndexNamed(plan, new RegExp(`^${name}$`)), plan };
  } catch (err) {
    return { candidate: c, createSql, cost: Infinity, used: false, error: String((err as Error).message).split('\n')[0] };
  } finally {
    await s.exec('ROLLBACK').catch(() => {});
  }
}

/**
 * What-if indexes: each candidate is measured by plain EXPLAIN cost (ANALYZE ignores hypothetical
 * indexes). HypoPG when installed; on the embedded database the fallback builds each index inside
 * a transaction and rolls it back; elsewhere it refuses, saying why.
 */
export async function whatIfIndexes(conn: Connection, sql: string, candidates: IndexCandidate[]): Promise<WhatIfResult> {
  if (!candidates.length) throw new UserError('no candidate index: the plan has no sequential scan with a filter; give one with --hypo "CREATE INDEX ON t (col)"');
  const hypo = await hypopgStatus(conn);
  const method: WhatIfMethod = hypo.ok ? 'hypopg' : 'built-and-rolled-back';
  if (!hypo.ok && conn.server.flavor !== 'pglite') throw new UserError(`${hypo.reason}; without it what-if would have to build indexes on this server, which tablewright does not do`);
  const notes = hypo.ok ? ['hypothetical indexes (HypoPG): plain EXPLAIN costs, nothing built'] : [`${hypo.reason}: each index was built for real inside a transaction and rolled back (the embedded-database fallback)`];
  return conn.withSession(async (s) => {
    const before = buildTree(await explainInTransaction(s, sql, { analyze: false, write: false, timeoutMs: 10_000 }));
    const trials: WhatIfTrial[] = [];
    // building for real costs a table scan per candidate: only the first few
    for (const c of hypo.ok ? candidates : candidates.slice(0, BUILT_MAX)) trials.push(await (hypo.ok ? trialHypo(s, sql, c) : trialBuilt(s, sql, c)));
    const costBefore = rootCost(before);
    const used = trials.filter((t) => t.used && t.cost < costBefore * 0.5).sort((a, b) => a.cost - b.cost || a.candidate.columns.length - b.candidate.columns.length);
    const bestSingle = used.find((t) => t.candidate.columns.length === 1);
    const bestMulti = used.find((t) => t.candidate.columns.length > 1);
    // a wider index must halve the cost again to be worth it (Dexter)
    const best = bestSingle && bestMulti ? (bestMulti.cost < bestSingle.cost * 0.5 ? bestMulti : bestSingle) : bestSingle ?? bestMulti;
    if (!best) notes.push('no candidate halves the estimated cost (Dexter\'s bar): no index suggested');
    return { method, before, costBefore, trials, best, notes };
  });
}

/** `CREATE INDEX [CONCURRENTLY] [name] ON t (a, b)` typed by the user → a candidate. */
export function parseCreateIndex(sql: string): IndexCandidate {
  const m = /^\s*create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?(?:"?[\w$]+"?\s+)?on\s+(?:only\s+)?(?:("?[\w$]+"?)\.)?("?[\w$]+"?)\s*(?:using\s+btree\s*)?\(([^)]*)\)\s*;?\s*$/i.exec(sql);
  if (!m) throw new UserError(`cannot read "${sql.slice(0, 60)}" as an index: write it like CREATE INDEX ON orders (customer_id, created_at)`);
  const unq = (s: string) => (s.startsWith('"') ? s.slice(1, -1) : s.toLowerCase());
  return { schema: m[1] ? unq(m[1]) : undefined, table: unq(m[2]!), columns: m[3]!.split(',').map((c) => unq(c.trim())).filter(Boolean) };
}
