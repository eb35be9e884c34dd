import { columnConstraints, relName, type RelName } from '../ast.js';
import { describeLock, type LockMode } from '../locks.js';
import type { MigrationContext, MigrationRule, PgNode } from '../types.js';

export type { MigrationRule, MigrationContext, PgNode, RelName };
export { columnConstraints, describeLock, relName };

/** The ALTER TABLE subcommands of a statement on an existing table (tables created in the file are exempt). */
export function existingAlterCmds(ctx: MigrationContext, subtype?: string): { rel: RelName; cmd: PgNode }[] {
  if (ctx.stmt.kind !== 'AlterTableStmt' || ctx.stmt.node.objtype !== 'OBJECT_TABLE') return [];
  const rel = relName(ctx.stmt.node.relation);
  if (!rel || !ctx.state.existing(rel)) return [];
  const out: { rel: RelName; cmd: PgNode }[] = [];
  for (const c of (ctx.stmt.node.cmds ?? []) as PgNode[]) if (!subtype || c.AlterTableCmd.subtype === subtype) out.push({ rel, cmd: c.AlterTableCmd });
  return out;
}

/** "takes an ACCESS EXCLUSIVE lock on t (blocks reads and writes)[, rows]" with the snapshot's row estimate when known. */
export function lockText(ctx: MigrationContext, mode: LockMode, rel: RelName, effect?: 'rewrite' | 'scan'): string {
  const rows = ctx.state.rowEstimate(rel);
  const what = effect === 'rewrite' ? ' and rewrites the whole table' : effect === 'scan' ? ' while it scans the whole table' : '';
  return `takes ${mode.startsWith('SHARE') ? 'a' : 'an'} ${describeLock(mode, rel.key)}${what}${rows !== undefined ? ` (~${rows.toLocaleString('en-US')} rows)` : ''}`;
}

/** Whether the file is Alembic (fix and message wording differ). */
export const isAlembic = (ctx: MigrationContext): boolean => ctx.source === 'alembic';

export const defineRule = (r: MigrationRule): MigrationRule => r;
