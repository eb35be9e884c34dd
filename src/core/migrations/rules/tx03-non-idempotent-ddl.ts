import { defineRule } from './helpers.js';

export const TX03 = defineRule({
  id: 'TX03',
  name: 'non-idempotent-ddl',
  category: 'migration',
  severity: 'info',
  offByDefault: true,
  why: 'Outside a transaction a failed migration leaves part of its work done; IF [NOT] EXISTS lets it be re-run.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (state.inTx) return [];
    const n = stmt.node;
    const missing = (stmt.kind === 'CreateStmt' || stmt.kind === 'IndexStmt') ? !n.if_not_exists
      : stmt.kind === 'DropStmt' ? !n.missing_ok : false;
    if (!missing) return [];
    return [{ target: {}, message: `${stmt.kind === 'DropStmt' ? 'DROP without IF EXISTS' : 'CREATE without IF NOT EXISTS'} outside a transaction: a re-run after a partial failure errors here` }];
  },
});
