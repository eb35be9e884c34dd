import { relName } from '../ast.js';
import { defineRule, existingAlterCmds } from './helpers.js';

const TRIGGER_CMDS = new Set(['AT_EnableTrig', 'AT_DisableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig', 'AT_EnableTrigAll', 'AT_DisableTrigAll', 'AT_EnableTrigUser', 'AT_DisableTrigUser']);

export const MS23 = defineRule({
  id: 'MS23',
  name: 'trigger-ddl-lock',
  category: 'migration',
  severity: 'info',
  kinds: ['CreateTrigStmt', 'DropStmt', 'AlterTableStmt'],
  why: 'Creating, dropping, enabling or disabling a trigger takes SHARE ROW EXCLUSIVE (ACCESS EXCLUSIVE for DROP), blocking writes while it waits and runs.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind === 'CreateTrigStmt') {
      const rel = relName(stmt.node.relation);
      if (!rel || !state.existing(rel)) return [];
      return [{ target: { schema: rel.schema, table: rel.name, object: stmt.node.trigname }, message: `CREATE TRIGGER ${stmt.node.trigname} takes a SHARE ROW EXCLUSIVE lock on ${rel.key} (blocks writes)`, fix: { steps: ['set lock_timeout first and run it when the table is quiet'] } }];
    }
    if (stmt.kind === 'DropStmt' && stmt.node.removeType === 'OBJECT_TRIGGER') {
      return [{ target: {}, message: 'DROP TRIGGER takes an ACCESS EXCLUSIVE lock on its table (blocks reads and writes)', fix: { steps: ['set lock_timeout first'] } }];
    }
    return existingAlterCmds(ctx).filter(({ cmd }) => TRIGGER_CMDS.has(cmd.subtype)).map(({ rel }) => ({
      target: { schema: rel.schema, table: rel.name },
      message: `ENABLE/DISABLE TRIGGER takes a SHARE ROW EXCLUSIVE lock on ${rel.key} (blocks writes)`,
    }));
  },
});
