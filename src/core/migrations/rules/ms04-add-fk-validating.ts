import { notValidThenValidate, pyStr, qi } from '../fix.js';
import { strings } from '../ast.js';
import { columnConstraints, defineRule, existingAlterCmds, lockText, relName, type PgNode, type RelName } from './helpers.js';

/** a DEFAULT that is not NULL makes PostgreSQL validate an inline REFERENCES (§4) */
const nonNullDefault = (col: PgNode) => columnConstraints(col).some((c) => c.contype === 'CONSTR_DEFAULT' && !(c.raw_expr?.A_Const?.isnull));

export const MS04 = defineRule({
  id: 'MS04',
  name: 'add-fk-validating',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'Adding a validated foreign key scans the whole table while holding SHARE ROW EXCLUSIVE on both tables, blocking writes to each until the scan ends.',
  check(ctx) {
    const out = [];
    for (const { rel, cmd } of existingAlterCmds(ctx)) {
      let con: PgNode | undefined;
      let cols: string[] = [];
      if (cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN' && !cmd.def.Constraint.skip_validation) {
        con = cmd.def.Constraint;
        cols = strings(con!.fk_attrs);
      } else if (cmd.subtype === 'AT_AddColumn' && nonNullDefault(cmd.def.ColumnDef)) {
        con = columnConstraints(cmd.def.ColumnDef).find((c) => c.contype === 'CONSTR_FOREIGN');
        cols = [cmd.def.ColumnDef.colname];
      }
      if (!con) continue;
      const ref = relName(con.pktable)!;
      const refCols = strings(con.pk_attrs);
      const name = (con.conname as string | undefined) ?? `${rel.name}_${cols.join('_')}_fkey`;
      out.push({
        target: { schema: rel.schema, table: rel.name, object: name },
        message: `FOREIGN KEY ${name} → ${ref.key} is validated as it is added: it ${lockText(ctx, 'SHARE ROW EXCLUSIVE', rel, 'scan')} and on ${ref.key}${cmd.subtype === 'AT_AddColumn' ? ' (a non-NULL DEFAULT makes PostgreSQL check every row)' : ''}`,
        fix: cmd.subtype === 'AT_AddColumn'
          ? { steps: ['add the column without DEFAULT and without REFERENCES', 'add the foreign key NOT VALID, then VALIDATE CONSTRAINT in a separate transaction', 'set the default afterwards (ALTER COLUMN … SET DEFAULT) and backfill in batches'] }
          : fkFix(rel, ref, name, cols, refCols),
      });
    }
    return out;
  },
});

function fkFix(rel: RelName, ref: RelName, name: string, cols: string[], refCols: string[]) {
  const add = `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(name)} FOREIGN KEY (${cols.map(qi).join(', ')}) REFERENCES ${ref.sql}${refCols.length ? ` (${refCols.map(qi).join(', ')})` : ''}`;
  const py = `op.create_foreign_key(${pyStr(name)}, ${pyStr(rel.name)}, ${pyStr(ref.name)}, [${cols.map(pyStr).join(', ')}], [${(refCols.length ? refCols : ['id']).map(pyStr).join(', ')}]${rel.pySchema ? `, source_schema=${pyStr(rel.schema)}` : ''}${ref.pySchema ? `, referent_schema=${pyStr(ref.schema)}` : ''}, postgresql_not_valid=True)`;
  return notValidThenValidate(rel, name, add, py);
}
