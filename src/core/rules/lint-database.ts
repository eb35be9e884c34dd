import type { Connection } from '../db/connection.js';
import { readSnapshot } from '../introspect/read.js';
import type { SchemaFilter, SchemaSnapshot } from '../introspect/types.js';
import { readActivity, readStatements } from './activity.js';
import { lintSnapshot, type LintOptions } from './engine.js';
import { readRuleStats, type RuleStats } from './stats.js';
import type { LintResult } from './types.js';

/** Statistics for the rules: planner and cumulative figures, plus activity and statements on a server. */
export async function gatherRuleStats(conn: Connection, snapshot: SchemaSnapshot): Promise<RuleStats> {
  const stats = await readRuleStats(conn, Object.keys(snapshot.schemas));
  if (conn.server.flavor !== 'pglite') {
    stats.activity = await readActivity(conn).catch(() => undefined);
    stats.statements = await readStatements(conn);
  }
  return stats;
}

/** Reads the snapshot and statistics and lints them: what `tablewright lint` and the Checklist run. */
export async function lintDatabase(conn: Connection, o: LintOptions & { filter?: SchemaFilter; snapshot?: SchemaSnapshot } = {}): Promise<LintResult & { snapshot: SchemaSnapshot }> {
  const snapshot = o.snapshot ?? (await readSnapshot(conn, { ...o.filter, stats: false }));
  const stats = await gatherRuleStats(conn, snapshot);
  return { ...lintSnapshot(snapshot, { ...o, stats }), snapshot };
}
