import { walk } from '../ast.js';
import { defineRule } from './helpers.js';

export const MS26 = defineRule({
  id: 'MS26',
  name: 'enum-add-value-transaction',
  category: 'migration',
  severity: 'error',
  why: 'Before PostgreSQL 12 ALTER TYPE … ADD VALUE cannot run in a transaction block; on 12+ the new value cannot be used until the transaction that added it commits ("unsafe use of new value").',
  check(ctx) {
    const { stmt, state, pgVersion } = ctx;
    if (stmt.kind === 'AlterEnumStmt' && stmt.node.newVal && !stmt.node.oldVal && state.inTx && pgVersion < 12) {
      return [{ target: {}, message: `ALTER TYPE … ADD VALUE '${stmt.node.newVal}' inside a transaction fails on PostgreSQL ${pgVersion}`, fix: { steps: ['run ADD VALUE outside a transaction block (its own migration / autocommit_block())'] } }];
    }
    if (state.txId === undefined || !state.enumValues.size || stmt.kind === 'AlterEnumStmt') return [];
    for (const n of walk(stmt.node)) {
      const v = n.A_Const?.sval?.sval as string | undefined;
      if (v !== undefined && state.enumValues.has(v) && state.enumValues.get(v) === state.txId) {
        return [{ target: {}, message: `uses enum value '${v}' in the transaction that added it: PostgreSQL rejects it ("unsafe use of new value")`, fix: { steps: ['COMMIT after ADD VALUE; use the value in a later transaction or migration'] } }];
      }
    }
    return [];
  },
});
