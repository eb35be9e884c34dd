import { pyStr } from '../fix.js';
import { defineRule } from './helpers.js';
import { conflictingLock } from './timeouts.js';

export const MS17 = defineRule({
  id: 'MS17',
  name: 'missing-statement-timeout',
  category: 'migration',
  severity: 'info',
  why: 'Without statement_timeout a statement that scans or rewrites longer than expected holds its lock until it ends.',
  check(ctx) {
    if (ctx.state.statementTimeout || ctx.state.once.has('MS17')) return [];
    const lock = conflictingLock(ctx);
    if (!lock) return [];
    ctx.state.once.add('MS17');
    return [{
      target: {},
      message: `first statement needing ${lock} and no SET statement_timeout before it (reported once per file)`,
      fix: { sql: "SET statement_timeout = '15min';", alembic: `op.execute(${pyStr("SET statement_timeout = '15min'")})` },
    }];
  },
});
