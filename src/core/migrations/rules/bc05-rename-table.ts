import { relName } from '../ast.js';
import { defineRule } from './helpers.js';

export const BC05 = defineRule({
  id: 'BC05',
  name: 'rename-table',
  category: 'migration',
  severity: 'error',
  kinds: ['RenameStmt'],
  why: 'Code deployed before the rename still uses the old table name and fails until every instance is replaced.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'RenameStmt' || stmt.node.renameType !== 'OBJECT_TABLE') return [];
    const rel = relName(stmt.node.relation);
    if (!rel || !state.existing(rel)) return [];
    return [{
      target: { schema: rel.schema, table: rel.name },
      message: `RENAME TABLE ${rel.key} → ${stmt.node.newname}: running code using the old name breaks`,
      fix: { steps: ['rename, then create a view with the old name (simple views are updatable) for the deploy window', 'drop the view once no code uses the old name'] },
    }];
  },
});
