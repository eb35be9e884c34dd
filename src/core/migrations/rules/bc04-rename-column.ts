import { relName } from '../ast.js';
import { defineRule } from './helpers.js';

export const BC04 = defineRule({
  id: 'BC04',
  name: 'rename-column',
  category: 'migration',
  severity: 'error',
  kinds: ['RenameStmt'],
  why: 'Code deployed before the rename still uses the old name and fails until every instance is replaced.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'RenameStmt' || stmt.node.renameType !== 'OBJECT_COLUMN') return [];
    const rel = relName(stmt.node.relation);
    if (!rel || !state.existing(rel)) return [];
    return [{
      target: { schema: rel.schema, table: rel.name, object: stmt.node.subname },
      message: `RENAME COLUMN ${rel.key}.${stmt.node.subname} → ${stmt.node.newname}: running code using the old name breaks`,
      fix: { steps: ['add the new column', 'write both from the application', 'backfill in batches', 'switch reads to the new column', 'drop the old column in a later migration'] },
    }];
  },
});
