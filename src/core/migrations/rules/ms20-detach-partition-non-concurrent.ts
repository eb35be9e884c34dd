import { relName } from '../ast.js';
import { endSemi } from '../fix.js';
import { defineRule } from './helpers.js';

export const MS20 = defineRule({
  id: 'MS20',
  name: 'detach-partition-non-concurrent',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the parent and the partition; PostgreSQL 14+ can detach concurrently.',
  check(ctx) {
    const { stmt, pgVersion } = ctx;
    if (stmt.kind !== 'AlterTableStmt' || pgVersion < 14) return [];
    const parent = relName(stmt.node.relation);
    return ((stmt.node.cmds ?? []) as { AlterTableCmd: Record<string, any> }[])
      .map((c) => c.AlterTableCmd)
      .filter((cmd) => cmd.subtype === 'AT_DetachPartition' && !cmd.def?.PartitionCmd?.concurrent)
      .map((cmd) => ({
        target: { schema: parent?.schema, table: parent?.name },
        message: `DETACH PARTITION ${relName(cmd.def?.PartitionCmd?.name)?.key ?? ''} takes an ACCESS EXCLUSIVE lock on ${parent?.key} and the partition (blocks reads and writes)`,
        fix: { sql: endSemi(`${stmt.sql.replace(/;\s*$/, '')} CONCURRENTLY`), steps: ['DETACH PARTITION … CONCURRENTLY, outside a transaction block, one partition per statement'] },
      }));
  },
});
