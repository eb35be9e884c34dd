import { defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS21 = defineRule({
  id: 'MS21',
  name: 'set-logged-unlogged',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'SET LOGGED / SET UNLOGGED rewrites the table (and writes it all to WAL when going LOGGED) under ACCESS EXCLUSIVE.',
  check(ctx) {
    return existingAlterCmds(ctx).filter(({ cmd }) => cmd.subtype === 'AT_SetLogged' || cmd.subtype === 'AT_SetUnLogged').map(({ rel, cmd }) => ({
      target: { schema: rel.schema, table: rel.name },
      message: `${cmd.subtype === 'AT_SetLogged' ? 'SET LOGGED' : 'SET UNLOGGED'} ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}`,
      fix: { steps: ['run it in a maintenance window', 'or create a new table with the wanted persistence, copy in batches, and swap'] },
    }));
  },
});
