import { defineRule, type PgNode } from './helpers.js';

/** statements that do real work (scans, builds, row changes) and so hold any earlier lock for long */
function heavyWork(kind: string, n: PgNode): string | undefined {
  if (kind === 'IndexStmt' && !n.concurrent) return 'CREATE INDEX';
  if (kind === 'UpdateStmt') return 'UPDATE';
  if (kind === 'DeleteStmt') return 'DELETE';
  if (kind === 'InsertStmt' && n.selectStmt?.SelectStmt?.fromClause) return 'INSERT … SELECT';
  if (kind === 'AlterTableStmt' && ((n.cmds ?? []) as PgNode[]).some((c) => c.AlterTableCmd?.subtype === 'AT_ValidateConstraint')) return 'VALIDATE CONSTRAINT';
  return undefined;
}

export const MS24 = defineRule({
  id: 'MS24',
  name: 'work-under-access-exclusive',
  category: 'migration',
  severity: 'warning',
  why: 'Locks are held until the transaction ends: work done after taking ACCESS EXCLUSIVE keeps the table blocked for reads and writes for all that time.',
  check(ctx) {
    const { state, stmt } = ctx;
    if (state.txId === undefined) return [];
    const held = state.exclusiveHeld.get(state.txId);
    const work = heavyWork(stmt.kind, stmt.node);
    if (!held || !work) return [];
    return [{
      target: {},
      message: `${work} runs while the ACCESS EXCLUSIVE lock on ${held.table} taken on line ${held.line} is still held (same transaction)`,
      fix: { steps: ['COMMIT right after the statement that takes ACCESS EXCLUSIVE', 'do index builds, backfills and validation in later transactions'] },
    }];
  },
});
