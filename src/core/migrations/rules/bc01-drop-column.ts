import { defineRule, existingAlterCmds } from './helpers.js';

export const BC01 = defineRule({
  id: 'BC01',
  name: 'drop-column',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'Running application code that still selects or inserts the column fails the moment it is dropped, and the data is gone.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_DropColumn').map(({ rel, cmd }) => ({
      target: { schema: rel.schema, table: rel.name, object: cmd.name as string },
      message: `DROP COLUMN ${rel.key}.${cmd.name}: breaks code that still uses it and loses its data`,
      fix: { steps: ['stop reading and writing the column in the application (SQLAlchemy: remove it from the model, or deferred/ignored) and deploy', 'then drop it in a later migration'] },
    }));
  },
});
