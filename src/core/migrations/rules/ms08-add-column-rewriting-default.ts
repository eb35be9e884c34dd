import { typeInfo } from '../ast.js';
import { defaultText, pyStr, qi, saType } from '../fix.js';
import { defaultVolatility } from '../volatility.js';
import { columnConstraints, defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS08 = defineRule({
  id: 'MS08',
  name: 'add-column-rewriting-default',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'A volatile DEFAULT (or any non-NULL default before PostgreSQL 11) makes ADD COLUMN rewrite the whole table under ACCESS EXCLUSIVE; a constant default on 11+ is stored once in the catalog.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddColumn').flatMap(({ rel, cmd }) => {
      const col = cmd.def.ColumnDef;
      const cons = columnConstraints(col);
      if (cons.some((c) => c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_GENERATED')) return [];
      const def = cons.find((c) => c.contype === 'CONSTR_DEFAULT');
      if (!def || def.raw_expr?.A_Const?.isnull) return [];
      let reason: string;
      if (ctx.pgVersion < 11) reason = `on PostgreSQL ${ctx.pgVersion} any non-NULL default rewrites the table (11+ stores constants in the catalog)`;
      else {
        const v = defaultVolatility(def.raw_expr, ctx.snapshot);
        if (v.kind === 'constant') return [];
        reason = v.kind === 'volatile'
          ? `${v.fn}() is volatile, so every existing row gets its own value`
          : `${v.fn}() has unknown volatility${ctx.snapshot ? '' : ' (connect to read it from pg_proc)'}; a volatile function rewrites, though a trivial LANGUAGE sql one may be inlined`;
      }
      const name = col.colname as string;
      const t = typeInfo(col.typeName);
      const type = t?.text ?? 'TYPE';
      const expr = defaultText(ctx.stmt.sql) ?? 'DEFAULT_EXPR';
      return [{
        target: { schema: rel.schema, table: rel.name, object: name },
        message: `ADD COLUMN ${name} with this DEFAULT ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}: ${reason}`,
        fix: {
          sql: [
            `ALTER TABLE ${rel.sql} ADD COLUMN ${qi(name)} ${type};`,
            `ALTER TABLE ${rel.sql} ALTER COLUMN ${qi(name)} SET DEFAULT ${expr}; -- new rows only, no rewrite`,
            `-- backfill existing rows in batches, each in its own transaction:`,
            `UPDATE ${rel.sql} SET ${qi(name)} = ${expr} WHERE ${qi(name)} IS NULL AND <key range>;`,
          ].join('\n'),
          alembic: [
            `op.add_column(${pyStr(rel.name)}, sa.Column(${pyStr(name)}, ${saType(t)}, nullable=True)${rel.pySchema})`,
            `op.alter_column(${pyStr(rel.name)}, ${pyStr(name)}, server_default=sa.text(${pyStr(expr)})${rel.pySchema})`,
            '# backfill in batches in a later revision, outside the DDL transaction',
          ].join('\n'),
          steps: ['add the column without a default (catalog-only)', 'SET DEFAULT: applies to new rows without touching old ones', 'backfill old rows in batches', 'then add NOT NULL the safe way if needed (see MS07)'],
        },
      }];
    });
  },
});
