import { defineRule, existingAlterCmds } from './helpers.js';

export const MS06 = defineRule({
  id: 'MS06',
  name: 'validate-in-same-transaction',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans while the ADD\'s ACCESS EXCLUSIVE lock is still held, which undoes the point of NOT VALID.',
  check(ctx) {
    const { state } = ctx;
    if (state.txId === undefined) return [];
    return existingAlterCmds(ctx, 'AT_ValidateConstraint').flatMap(({ rel, cmd }) => {
      const added = state.constraints.get(`${rel.key}.${cmd.name}`);
      if (!added?.notValid || added.txId !== state.txId) return [];
      return [{
        target: { schema: rel.schema, table: rel.name, object: cmd.name as string },
        message: `VALIDATE CONSTRAINT ${cmd.name} runs in the same transaction that added it NOT VALID: the scan happens under the ADD's ACCESS EXCLUSIVE lock on ${rel.key}`,
        fix: { steps: ['COMMIT after adding the constraint NOT VALID', 'validate in a separate transaction or the next migration'] },
      }];
    });
  },
});
