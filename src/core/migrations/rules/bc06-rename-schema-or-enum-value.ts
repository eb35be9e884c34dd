import { defineRule } from './helpers.js';

export const BC06 = defineRule({
  id: 'BC06',
  name: 'rename-schema-or-enum-value',
  category: 'migration',
  severity: 'error',
  kinds: ['RenameStmt', 'AlterEnumStmt'],
  why: 'Code and stored values using the old schema name or enum label break at once.',
  check(ctx) {
    const { stmt } = ctx;
    if (stmt.kind === 'RenameStmt' && stmt.node.renameType === 'OBJECT_SCHEMA') {
      return [{ target: {}, message: `RENAME SCHEMA ${stmt.node.subname} → ${stmt.node.newname}: code using the old name breaks`, fix: { steps: ['create the new schema and move objects, keeping the old names reachable (search_path, views) for the deploy window'] } }];
    }
    if (stmt.kind === 'AlterEnumStmt' && stmt.node.oldVal) {
      return [{ target: {}, message: `RENAME VALUE '${stmt.node.oldVal}' → '${stmt.node.newVal}': code writing or comparing the old label breaks`, fix: { steps: ['ADD VALUE the new label, migrate rows in batches, update code; old labels cannot be removed, only left unused'] } }];
    }
    return [];
  },
});
