import { typeInfo } from '../ast.js';
import { pyStr, qi, saType } from '../fix.js';
import { columnConstraints, defineRule, existingAlterCmds } from './helpers.js';

const SERIAL = new Set(['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2']);

export const MS09 = defineRule({
  id: 'MS09',
  name: 'add-column-required',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows (SQLSTATE 23502) and breaks application code that inserts without the new column.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddColumn').flatMap(({ rel, cmd }) => {
      const col = cmd.def.ColumnDef;
      const cons = columnConstraints(col);
      const notNull = cons.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
      const filled = cons.some((c) => ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'].includes(c.contype)) || SERIAL.has(typeInfo(col.typeName)?.name ?? '');
      if (!notNull || filled) return [];
      const name = col.colname as string;
      const t = typeInfo(col.typeName);
      const rows = ctx.state.rowEstimate(rel);
      return [{
        target: { schema: rel.schema, table: rel.name, object: name },
        message: `ADD COLUMN ${name} NOT NULL without a DEFAULT on existing table ${rel.key}${rows ? ` (~${rows.toLocaleString('en-US')} rows: it will fail)` : ''}: fails when the table has rows and breaks old writers`,
        fix: {
          sql: [`ALTER TABLE ${rel.sql} ADD COLUMN ${qi(name)} ${t?.text ?? 'TYPE'};`, '-- deploy code that writes the column, backfill in batches, then add NOT NULL the safe way (MS07)'].join('\n'),
          alembic: `op.add_column(${pyStr(rel.name)}, sa.Column(${pyStr(name)}, ${saType(t)}, nullable=True)${rel.pySchema})`,
          steps: ['add the column nullable (or with a constant DEFAULT, catalog-only on PostgreSQL 11+)', 'deploy code that writes it; backfill old rows in batches', 'add CHECK (col IS NOT NULL) NOT VALID → VALIDATE → SET NOT NULL → drop the check'],
        },
      }];
    });
  },
});
