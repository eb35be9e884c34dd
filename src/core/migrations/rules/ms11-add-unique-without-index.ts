import { strings } from '../ast.js';
import { autocommit, pyStr, qi } from '../fix.js';
import { columnConstraints, defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS11 = defineRule({
  id: 'MS11',
  name: 'add-unique-without-index',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'ADD UNIQUE builds its index while holding ACCESS EXCLUSIVE, so the table is blocked for the whole build; build the index CONCURRENTLY and attach it with USING INDEX.',
  check(ctx) {
    return existingAlterCmds(ctx).flatMap(({ rel, cmd }) => {
      let cols: string[] | undefined;
      let name: string | undefined;
      if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_UNIQUE' && !cmd.def.Constraint.indexname) {
        cols = strings(cmd.def.Constraint.keys);
        name = cmd.def.Constraint.conname;
      } else if (cmd.subtype === 'AT_AddColumn' && columnConstraints(cmd.def.ColumnDef).some((c) => c.contype === 'CONSTR_UNIQUE')) {
        cols = [cmd.def.ColumnDef.colname];
      }
      if (!cols) return [];
      const con = name ?? `${rel.name}_${cols.join('_')}_key`;
      const idx = `${con}_idx`.slice(0, 63);
      return [{
        target: { schema: rel.schema, table: rel.name, object: con },
        message: `UNIQUE (${cols.join(', ')}) builds an index while it ${lockText(ctx, 'ACCESS EXCLUSIVE', rel)}`,
        fix: {
          sql: [
            `CREATE UNIQUE INDEX CONCURRENTLY ${qi(idx)} ON ${rel.sql} (${cols.map(qi).join(', ')}); -- outside a transaction`,
            `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(con)} UNIQUE USING INDEX ${qi(idx)};`,
          ].join('\n'),
          alembic: [
            autocommit([`op.create_index(${pyStr(idx)}, ${pyStr(rel.name)}, [${cols.map(pyStr).join(', ')}], unique=True${rel.pySchema}, postgresql_concurrently=True)`]),
            `op.execute(${pyStr(`ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(con)} UNIQUE USING INDEX ${qi(idx)}`)})`,
          ].join('\n'),
          steps: ['CREATE UNIQUE INDEX CONCURRENTLY (reads and writes go on)', 'ADD CONSTRAINT … UNIQUE USING INDEX: a catalog change under a brief lock'],
        },
      }];
    });
  },
});
