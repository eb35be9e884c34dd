import { columnConstraints, defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS15 = defineRule({
  id: 'MS15',
  name: 'add-stored-generated-column',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'A STORED generated column is computed for every existing row, which rewrites the table under ACCESS EXCLUSIVE.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddColumn').flatMap(({ rel, cmd }) => {
      const col = cmd.def.ColumnDef;
      // PostgreSQL 18's VIRTUAL generated columns are computed on read: no rewrite
      const gen = columnConstraints(col).find((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v');
      if (!gen) return [];
      return [{
        target: { schema: rel.schema, table: rel.name, object: col.colname as string },
        message: `ADD COLUMN ${col.colname} GENERATED ALWAYS AS (…) STORED ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}`,
        fix: { steps: ['add a plain nullable column', 'keep it up to date with a BEFORE INSERT OR UPDATE trigger', 'backfill old rows in batches', ...(ctx.pgVersion >= 18 ? ['or, on PostgreSQL 18+, use a VIRTUAL generated column (no rewrite)'] : [])] },
      }];
    });
  },
});
