import { typeInfo } from '../ast.js';
import { defineRule, existingAlterCmds } from './helpers.js';

export const BC09 = defineRule({
  id: 'BC09',
  name: 'type-change-client-visible',
  category: 'migration',
  severity: 'info',
  kinds: ['AlterTableStmt'],
  why: 'Even a catalog-only type change is visible to clients: ORMs, generated types and API schemas may need updating.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AlterColumnType').map(({ rel, cmd }) => ({
      target: { schema: rel.schema, table: rel.name, object: cmd.name as string },
      message: `column ${rel.key}.${cmd.name} changes type to ${typeInfo(cmd.def?.ColumnDef?.typeName)?.text ?? '?'}: update models and clients`,
    }));
  },
});
