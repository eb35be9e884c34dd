import { objectName } from '../ast.js';
import { statementLock } from '../locks.js';
import type { MigrationContext, PgNode } from '../types.js';

/**
 * The lock a statement waits for on a relation that existed before the migration, if any (MS16, MS17).
 * SHARE UPDATE EXCLUSIVE (CONCURRENTLY, VALIDATE) does not conflict with reads and writes, so
 * waiting for it does not stall the queries queued behind.
 */
export function conflictingLock(ctx: MigrationContext): string | undefined {
  const { stmt, state } = ctx;
  const lock = statementLock(stmt);
  if (lock && state.existing(lock.table) && lock.mode !== 'ROW EXCLUSIVE' && lock.mode !== 'SHARE UPDATE EXCLUSIVE') return `${lock.mode} on ${lock.table.key}`;
  if (stmt.kind === 'DropStmt' && !stmt.node.concurrent && ['OBJECT_TABLE', 'OBJECT_INDEX'].includes(stmt.node.removeType)) {
    const names = ((stmt.node.objects ?? []) as PgNode[]).map((o) => objectName(o));
    const old = names.filter((n) => stmt.node.removeType === 'OBJECT_INDEX' ? !state.createdIndexes.has(n[n.length - 1]!) : !state.createdTables.has(n.length > 1 ? n.join('.') : `public.${n[0]}`));
    if (old.length) return `ACCESS EXCLUSIVE on ${old.map((n) => n.join('.')).join(', ')}`;
  }
  return undefined;
}
