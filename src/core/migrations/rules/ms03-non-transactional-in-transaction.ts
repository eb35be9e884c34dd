import { isConcurrentReindex } from '../locks.js';
import type { PgNode } from '../types.js';
import { defineRule, isAlembic } from './helpers.js';

/** Statements PostgreSQL refuses inside a transaction block (SQLSTATE 25001). */
function nonTransactional(kind: string, n: PgNode): string | undefined {
  if (kind === 'IndexStmt' && n.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (kind === 'DropStmt' && n.concurrent) return 'DROP INDEX CONCURRENTLY';
  if (kind === 'ReindexStmt' && isConcurrentReindex(n)) return 'REINDEX CONCURRENTLY';
  if (kind === 'AlterTableStmt' && ((n.cmds ?? []) as PgNode[]).some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent)) return 'DETACH PARTITION CONCURRENTLY';
  if (kind === 'VacuumStmt' && n.is_vacuumcmd) return 'VACUUM';
  if (kind === 'CreatedbStmt') return 'CREATE DATABASE';
  if (kind === 'DropdbStmt') return 'DROP DATABASE';
  if (kind === 'CreateTableSpaceStmt') return 'CREATE TABLESPACE';
  if (kind === 'DropTableSpaceStmt') return 'DROP TABLESPACE';
  if (kind === 'AlterSystemStmt') return 'ALTER SYSTEM';
  return undefined;
}

export const MS03 = defineRule({
  id: 'MS03',
  name: 'non-transactional-in-transaction',
  category: 'migration',
  severity: 'error',
  why: 'PostgreSQL refuses this statement inside a transaction block (SQLSTATE 25001), so the migration fails when it reaches it.',
  check(ctx) {
    const { stmt, state } = ctx;
    const what = nonTransactional(stmt.kind, stmt.node);
    if (!what || !state.inTx) return [];
    const explicit = !!state.openBegin;
    const where = isAlembic(ctx)
      ? 'inside the migration\'s transaction (Alembic runs each migration in one)'
      : explicit ? `inside the BEGIN on line ${state.openBegin!.line}` : 'inside the transaction the runner wraps around the file (--assume-in-transaction)';
    return [{
      target: {},
      message: `${what} ${where}: PostgreSQL rejects it with "cannot run inside a transaction block"`,
      fix: isAlembic(ctx)
        ? { alembic: 'with op.get_context().autocommit_block():\n    ...  # the concurrent operation here', steps: ['move the call into `with op.get_context().autocommit_block():`', 'set transaction_per_migration=True in env.py so the block does not commit other revisions early'] }
        : { steps: [explicit ? 'move the statement after COMMIT (or remove BEGIN/COMMIT)' : 'put the statement in a file the runner does not wrap in a transaction'] },
    }];
  },
});
