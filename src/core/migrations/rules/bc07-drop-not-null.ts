import { defineRule, existingAlterCmds } from './helpers.js';

export const BC07 = defineRule({
  id: 'BC07',
  name: 'drop-not-null',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'Readers that assume the column is never NULL start seeing NULLs.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_DropNotNull').map(({ rel, cmd }) => ({
      target: { schema: rel.schema, table: rel.name, object: cmd.name as string },
      message: `DROP NOT NULL on ${rel.key}.${cmd.name}: code reading it must handle NULL first`,
    }));
  },
});
