import type { Connection, Session } from '../db/connection.js';
import { UserError } from '../errors.js';
import { quoteLiteral } from '../sql/ident.js';
import { buildTree } from './build-tree.js';
import { parseJsonPlan } from './parse-json.js';
import { classifyStatement, type StatementKind } from './statement.js';
import type { PlanTree, RawPlan } from './types.js';

export interface ExplainOptions {
  /** EXPLAIN ANALYZE (default); false: the estimated plan only */
  analyze?: boolean;
  /** the user allowed executing a data-changing statement (it is rolled back) */
  analyzeWrites?: boolean;
  /** statement_timeout for the EXPLAIN, ms (default 30 s; 0 = none) */
  timeoutMs?: number;
  /** SET LOCAL before explaining (a work_mem re-run) */
  settings?: Record<string, string>;
}

export type ExplainMode = 'analyzed' | 'analyzed-rolled-back' | 'estimate';

export interface ExplainRun {
  sql: string;
  kind: StatementKind;
  mode: ExplainMode;
  tree: PlanTree;
  json: RawPlan;
  notes: string[];
}

/** A statement the server rejected; `offset` (0-based, into the user's SQL) is where it points. */
export class ExplainSqlError extends UserError {
  constructor(message: string, readonly sql: string, readonly offset: number | undefined, cause: unknown) {
    super(message, { exitCode: 1, cause });
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const SETTING_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

export function explainPrefix(analyze: boolean, write: boolean): string {
  return analyze ? `EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS${write ? ', WAL' : ''}, FORMAT JSON) ` : 'EXPLAIN (VERBOSE, SETTINGS, FORMAT JSON) ';
}

/** Runs EXPLAIN inside a transaction that is always rolled back; the plan JSON comes out. */
export async function explainInTransaction(s: Session, sql: string, o: { analyze: boolean; write: boolean; timeoutMs: number; settings?: Record<string, string> }): Promise<RawPlan> {
  // plain EXPLAIN never executes, so even a DELETE may be planned in a READ ONLY transaction
  await s.exec(o.write && o.analyze ? 'BEGIN' : 'BEGIN READ ONLY');
  try {
    const sets = [`SET LOCAL statement_timeout = ${Math.max(0, Math.round(o.timeoutMs))}`, "SET LOCAL lock_timeout = '2s'"];
    for (const [k, v] of Object.entries(o.settings ?? {})) {
      if (!SETTING_NAME.test(k)) throw new UserError(`"${k}" is not a setting name`);
      sets.push(`SET LOCAL ${k} = ${quoteLiteral(v)}`);
    }
    await s.exec(sets.join('; '));
    const prefix = explainPrefix(o.analyze, o.write);
    let r;
    try {
      r = await s.query<Record<string, unknown>>(prefix + sql);
    } catch (err) {
      throw sqlError(err, sql, prefix.length, o);
    }
    const cell = Object.values(r.rows[0] ?? {})[0];
    return parseJsonPlan(typeof cell === 'string' ? cell : JSON.stringify(cell), 'the server\'s plan');
  } finally {
    await s.exec('ROLLBACK').catch(() => {});
  }
}

function sqlError(err: unknown, sql: string, prefixLength: number, o: { analyze: boolean; timeoutMs: number }): UserError {
  const e = (err ?? {}) as { code?: string; message?: string; position?: string; hint?: string };
  const msg = (e.message ?? String(err)).split('\n')[0]!;
  if (e.code === '57014') {
    return /statement timeout/i.test(msg)
      ? new UserError(`EXPLAIN${o.analyze ? ' ANALYZE' : ''} stopped by statement_timeout after ${o.timeoutMs} ms; PostgreSQL returns no plan then: use --no-analyze for the estimated plan or raise --statement-timeout MS`, { exitCode: 1, cause: err })
      : new UserError('EXPLAIN cancelled; nothing was changed', { exitCode: 1, cause: err });
  }
  if (e.code === '25006') return new UserError(`${msg}: the statement changes data; explain it with --analyze-writes (runs it inside a rolled-back transaction) or --no-analyze`, { exitCode: 1, cause: err });
  if (e.code === '55P03') return new UserError(`${msg}: the statement waited over 2 s for a lock held by another session; try again later or use --no-analyze`, { exitCode: 1, cause: err });
  const pos = Number(e.position);
  const offset = Number.isInteger(pos) && pos > prefixLength ? pos - 1 - prefixLength : undefined;
  return new ExplainSqlError(e.hint ? `${msg} (hint: ${e.hint})` : msg, sql, offset, err);
}

/**
 * The safe runner (explain.md §6): a SELECT runs under EXPLAIN ANALYZE in a READ ONLY
 * transaction; anything that changes data runs only with `analyzeWrites` (and a writable
 * connection), inside BEGIN … ROLLBACK; otherwise it is planned without executing.
 */
export async function explainStatement(conn: Connection, input: string, o: ExplainOptions = {}): Promise<ExplainRun> {
  const c = await classifyStatement(input);
  const notes: string[] = [];
  const wantAnalyze = o.analyze !== false;
  let analyze = wantAnalyze && c.kind === 'read';
  const write = c.kind !== 'read';
  if (wantAnalyze && write && c.kind === 'write') {
    if (o.analyzeWrites) {
      if (conn.readOnly) throw new UserError('EXPLAIN ANALYZE of a data-changing statement executes it: connect with --write (it is still rolled back afterwards)');
      analyze = true;
      notes.push(`ran inside BEGIN … ROLLBACK: no data changed, but sequences advanced (nextval is not rolled back) and row locks were held until the rollback`);
    } else {
      notes.push(`${c.type?.replace(/Stmt$/, '').toUpperCase() ?? 'the statement'} changes data, so it was planned, not executed: --analyze-writes runs it inside a rolled-back transaction`);
    }
  }
  if (!wantAnalyze) notes.push('estimated plan only (--no-analyze): costs and row estimates, no timings');
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const json = await conn.withSession((s) => explainInTransaction(s, c.sql, { analyze, write: write && analyze, timeoutMs, settings: o.settings }));
  const mode: ExplainMode = !analyze ? 'estimate' : write ? 'analyzed-rolled-back' : 'analyzed';
  return { sql: c.sql, kind: c.kind, mode, tree: buildTree(json), json, notes };
}
