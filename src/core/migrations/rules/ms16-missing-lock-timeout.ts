import { pyStr } from '../fix.js';
import { defineRule } from './helpers.js';
import { conflictingLock } from './timeouts.js';

export const MS16 = defineRule({
  id: 'MS16',
  name: 'missing-lock-timeout',
  category: 'migration',
  severity: 'warning',
  why: 'Without lock_timeout a DDL statement queued behind one long query blocks every later query on the table while it waits; a timeout makes it fail fast and retry.',
  check(ctx) {
    if (ctx.state.lockTimeout || ctx.state.once.has('MS16')) return [];
    const lock = conflictingLock(ctx);
    if (!lock) return [];
    ctx.state.once.add('MS16');
    return [{
      target: {},
      message: `first statement needing ${lock} and no SET lock_timeout before it (reported once per file)`,
      fix: { sql: "SET lock_timeout = '5s';", alembic: `op.execute(${pyStr("SET lock_timeout = '5s'")})`, steps: ['set lock_timeout at the top of the migration (or for the migration role)', 'retry the migration when it times out'] },
    }];
  },
});
