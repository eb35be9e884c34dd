import { relName, type RelName } from './ast.js';
import type { MigrationStatement, PgNode } from './types.js';

export type LockMode = 'ACCESS EXCLUSIVE' | 'EXCLUSIVE' | 'SHARE ROW EXCLUSIVE' | 'SHARE' | 'SHARE UPDATE EXCLUSIVE' | 'ROW EXCLUSIVE';

const BLOCKS: Record<LockMode, string> = {
  'ACCESS EXCLUSIVE': 'blocks reads and writes',
  EXCLUSIVE: 'blocks writes and most reads',
  'SHARE ROW EXCLUSIVE': 'blocks writes',
  SHARE: 'blocks writes',
  'SHARE UPDATE EXCLUSIVE': 'blocks other schema changes and VACUUM, not reads or writes',
  'ROW EXCLUSIVE': 'blocks schema changes only',
};

/** e.g. "ACCESS EXCLUSIVE lock on public.t (blocks reads and writes)" */
export const describeLock = (mode: LockMode, table: string): string => `${mode} lock on ${table} (${BLOCKS[mode]})`;

const RANK: LockMode[] = ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'];

/** Lock taken by one ALTER TABLE subcommand (rules.md §4–5, squawk's table). */
function alterCmdLock(cmd: PgNode): LockMode {
  switch (cmd.subtype) {
    case 'AT_ValidateConstraint':
    case 'AT_SetStatistics':
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
      return 'SHARE UPDATE EXCLUSIVE';
    case 'AT_AddConstraint':
      return cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'AT_EnableTrig': case 'AT_DisableTrig': case 'AT_EnableAlwaysTrig': case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll': case 'AT_DisableTrigAll': case 'AT_EnableTrigUser': case 'AT_DisableTrigUser':
      return 'SHARE ROW EXCLUSIVE';
    case 'AT_DetachPartition':
      return cmd.def?.PartitionCmd?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    default:
      return 'ACCESS EXCLUSIVE';
  }
}

export interface StatementLock { mode: LockMode; table: RelName }

/** The strongest table lock a statement takes, when it locks a table the migration did not create. */
export function statementLock(stmt: MigrationStatement): StatementLock | undefined {
  const n = stmt.node;
  const on = (rv: PgNode | undefined, mode: LockMode) => {
    const table = relName(rv);
    return table ? { mode, table } : undefined;
  };
  switch (stmt.kind) {
    case 'AlterTableStmt': {
      if (n.objtype !== 'OBJECT_TABLE') return undefined;
      const modes = ((n.cmds ?? []) as PgNode[]).map((c) => alterCmdLock(c.AlterTableCmd));
      const mode = modes.reduce<LockMode>((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a), 'ROW EXCLUSIVE');
      return on(n.relation, mode);
    }
    case 'IndexStmt':
      return on(n.relation, n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
    case 'RenameStmt':
      return n.relation ? on(n.relation, 'ACCESS EXCLUSIVE') : undefined;
    case 'TruncateStmt':
      return on((n.relations as PgNode[] | undefined)?.[0]?.RangeVar, 'ACCESS EXCLUSIVE');
    case 'CreateTrigStmt':
      return on(n.relation, 'SHARE ROW EXCLUSIVE');
    case 'ClusterStmt':
      return on(n.relation, 'ACCESS EXCLUSIVE');
    case 'VacuumStmt': {
      const full = ((n.options ?? []) as PgNode[]).some((o) => o.DefElem?.defname === 'full');
      return full ? on((n.rels as PgNode[] | undefined)?.[0]?.VacuumRelation?.relation, 'ACCESS EXCLUSIVE') : undefined;
    }
    case 'ReindexStmt':
      return n.relation && !isConcurrentReindex(n) ? on(n.relation, n.kind === 'REINDEX_OBJECT_INDEX' ? 'SHARE' : 'SHARE') : undefined;
    default:
      return undefined;
  }
}

export const isConcurrentReindex = (n: PgNode): boolean => ((n.params ?? []) as PgNode[]).some((p) => p.DefElem?.defname === 'concurrently');
