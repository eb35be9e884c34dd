import { defineRule } from './helpers.js';

export const TX01 = defineRule({
  id: 'TX01',
  name: 'nested-transaction',
  category: 'migration',
  severity: 'error',
  kinds: ['TransactionStmt'],
  why: 'PostgreSQL has no nested transactions: a BEGIN inside one only warns, and the next COMMIT ends the outer transaction early (a stray COMMIT/ROLLBACK does the same to the runner\'s).',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'TransactionStmt' || stmt.synthetic) return [];
    const kind = stmt.node.kind as string;
    const runner = ctx.source === 'alembic' ? 'Alembic\'s transaction' : 'the transaction the runner wraps around the file';
    if ((kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') && state.inTx) {
      return [{ target: {}, message: `BEGIN inside ${state.openBegin ? `the transaction opened on line ${state.openBegin.line}` : runner}`, fix: { steps: ['remove the inner BEGIN/COMMIT; let one transaction (yours or the runner\'s) frame the work'] } }];
    }
    if ((kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') && (!state.inTx || (!state.openBegin && state.runnerWraps))) {
      return [{ target: {}, message: state.inTx ? `${kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'ROLLBACK'} ends ${runner} early` : `${kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'ROLLBACK'} with no transaction open` }];
    }
    return [];
  },
});
