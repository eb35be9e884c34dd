import { defineRule } from './helpers.js';

export const TX02 = defineRule({
  id: 'TX02',
  name: 'uncommitted-transaction',
  category: 'migration',
  severity: 'error',
  why: 'A BEGIN with no COMMIT leaves the work uncommitted: psql rolls it back at exit, other runners hold its locks until the session ends.',
  finish(ctx) {
    const open = ctx.state.openBegin;
    if (!open || open.ignores.includes('TX02') || open.ignores.includes('*')) return [];
    return [{ target: { line: open.line, column: open.column }, message: `BEGIN on line ${open.line} is never committed`, fix: { sql: 'COMMIT;' } }];
  },
});
