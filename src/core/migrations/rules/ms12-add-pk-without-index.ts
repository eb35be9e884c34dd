import { strings } from '../ast.js';
import { autocommit, pyStr, qi } from '../fix.js';
import { columnConstraints, defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS12 = defineRule({
  id: 'MS12',
  name: 'add-pk-without-index',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'ADD PRIMARY KEY builds a unique index under ACCESS EXCLUSIVE (and sets its columns NOT NULL, scanning); USING INDEX over nullable columns still scans.',
  check(ctx) {
    return existingAlterCmds(ctx).flatMap(({ rel, cmd }) => {
      let cols: string[] | undefined;
      let con: string | undefined;
      let usingIndex: string | undefined;
      if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_PRIMARY') {
        cols = strings(cmd.def.Constraint.keys);
        con = cmd.def.Constraint.conname;
        usingIndex = cmd.def.Constraint.indexname;
      } else if (cmd.subtype === 'AT_AddColumn' && columnConstraints(cmd.def.ColumnDef).some((c) => c.contype === 'CONSTR_PRIMARY')) {
        cols = [cmd.def.ColumnDef.colname];
      }
      if (!cols) return [];
      const name = con ?? `${rel.name}_pkey`;
      if (usingIndex) {
        // USING INDEX is cheap unless a column is nullable: then PostgreSQL sets NOT NULL and scans
        const idx = ctx.state.snapshotTable(rel)?.indexes.find((i) => i.name === usingIndex);
        const table = ctx.state.snapshotTable(rel);
        const idxCols = idx?.keys.map((k) => k.column).filter((c): c is string => !!c) ?? [];
        const nullable = table?.columns.filter((c) => idxCols.includes(c.name) && !c.notNull).map((c) => c.name) ?? [];
        if (!nullable.length) return [];
        return [{
          target: { schema: rel.schema, table: rel.name, object: name },
          message: `PRIMARY KEY USING INDEX ${usingIndex}: column(s) ${nullable.join(', ')} are nullable, so PostgreSQL sets NOT NULL and ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'scan')}`,
          fix: { steps: nullable.map((c) => `make ${c} NOT NULL first the safe way (CHECK NOT VALID → VALIDATE → SET NOT NULL, see MS07)`) },
        }];
      }
      const idx = `${name}_idx`.slice(0, 63);
      return [{
        target: { schema: rel.schema, table: rel.name, object: name },
        message: `PRIMARY KEY (${cols.join(', ')}) builds its index while it ${lockText(ctx, 'ACCESS EXCLUSIVE', rel)}`,
        fix: {
          sql: [
            `CREATE UNIQUE INDEX CONCURRENTLY ${qi(idx)} ON ${rel.sql} (${cols.map(qi).join(', ')}); -- outside a transaction`,
            `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(name)} PRIMARY KEY USING INDEX ${qi(idx)};`,
          ].join('\n'),
          alembic: [
            autocommit([`op.create_index(${pyStr(idx)}, ${pyStr(rel.name)}, [${cols.map(pyStr).join(', ')}], unique=True${rel.pySchema}, postgresql_concurrently=True)`]),
            `op.execute(${pyStr(`ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(name)} PRIMARY KEY USING INDEX ${qi(idx)}`)})`,
          ].join('\n'),
          steps: ['make the key columns NOT NULL the safe way first (MS07)', 'CREATE UNIQUE INDEX CONCURRENTLY', 'ADD CONSTRAINT … PRIMARY KEY USING INDEX'],
        },
      }];
    });
  },
});
