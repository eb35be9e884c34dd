import { defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS22 = defineRule({
  id: 'MS22',
  name: 'set-tablespace-or-access-method',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'SET TABLESPACE copies and SET ACCESS METHOD rewrites the whole table under ACCESS EXCLUSIVE.',
  check(ctx) {
    return existingAlterCmds(ctx).filter(({ cmd }) => cmd.subtype === 'AT_SetTableSpace' || cmd.subtype === 'AT_SetAccessMethod').map(({ rel, cmd }) => ({
      target: { schema: rel.schema, table: rel.name },
      message: `${cmd.subtype === 'AT_SetTableSpace' ? 'SET TABLESPACE' : 'SET ACCESS METHOD'} ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}`,
      fix: { steps: ['run it in a maintenance window, or use pg_repack (--tablespace) to move it online'] },
    }));
  },
});
