import { notValidThenValidate, parenthesisedAfter, pyStr, qi } from '../fix.js';
import { defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS05 = defineRule({
  id: 'MS05',
  name: 'add-check-validating',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'ADD CHECK without NOT VALID scans every row while holding ACCESS EXCLUSIVE, so the table is unreadable and unwritable for the whole scan.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddConstraint')
      .filter(({ cmd }) => cmd.def?.Constraint?.contype === 'CONSTR_CHECK' && !cmd.def.Constraint.skip_validation)
      .map(({ rel, cmd }) => {
        const con = cmd.def.Constraint;
        const name = (con.conname as string | undefined) ?? `${rel.name}_check`;
        const expr = parenthesisedAfter(ctx.stmt.sql, 'CHECK') ?? '…';
        return {
          target: { schema: rel.schema, table: rel.name, object: name },
          message: `CHECK ${name} is validated as it is added: it ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'scan')}`,
          fix: notValidThenValidate(rel, name, `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(name)} CHECK (${expr})`,
            `op.create_check_constraint(${pyStr(name)}, ${pyStr(rel.name)}, ${pyStr(expr)}${rel.pySchema}, postgresql_not_valid=True)`),
        };
      });
  },
});

