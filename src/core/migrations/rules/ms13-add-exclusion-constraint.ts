import { defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS13 = defineRule({
  id: 'MS13',
  name: 'add-exclusion-constraint',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'An exclusion constraint builds its index and checks every row under ACCESS EXCLUSIVE; it cannot be added NOT VALID or USING INDEX.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddConstraint')
      .filter(({ cmd }) => cmd.def?.Constraint?.contype === 'CONSTR_EXCLUSION')
      .map(({ rel, cmd }) => ({
        target: { schema: rel.schema, table: rel.name, object: cmd.def.Constraint.conname as string | undefined },
        message: `EXCLUDE constraint ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'scan')} while its index is built; there is no NOT VALID form`,
        fix: { steps: ['there is no lock-free way: run it in a maintenance window with a lock_timeout', 'or create a new table with the constraint, copy rows in batches, and swap'] },
      }));
  },
});
