import { relName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

/** subcommands that must stay in their own statement (validation after commit, concurrent detach) */
const separate = (n: PgNode) => ((n.cmds ?? []) as PgNode[]).some((c) => ['AT_ValidateConstraint', 'AT_DetachPartition'].includes(c.AlterTableCmd?.subtype));

export const MS29 = defineRule({
  id: 'MS29',
  name: 'repeated-alter-same-table',
  category: 'migration',
  severity: 'info',
  kinds: ['AlterTableStmt'],
  why: 'Each ALTER TABLE waits for and takes its lock again (and may scan or rewrite again); one statement with several subcommands does it once.',
  check(ctx) {
    const { stmt, state } = ctx;
    const prev = state.previous;
    // Alembic renders one ALTER TABLE per op by design; combining them would mean hand-written op.execute
    if (ctx.source === 'alembic' || stmt.kind !== 'AlterTableStmt' || prev?.kind !== 'AlterTableStmt') return [];
    const rel = relName(stmt.node.relation);
    if (!rel || !state.existing(rel) || relName(prev.node.relation)?.key !== rel.key) return [];
    if (separate(stmt.node) || separate(prev.node)) return [];
    return [{ target: { schema: rel.schema, table: rel.name }, message: `second ALTER TABLE ${rel.key} in a row (line ${prev.line}): could be one statement with both subcommands` }];
  },
});
