import { defineRule } from './helpers.js';

/** Not catalog rules: how unparsable SQL and unread Python show up, with ids that cannot clash with the catalog's. */
export const SYNTAX_ERROR = defineRule({
  id: 'syntax-error',
  name: 'syntax-error',
  category: 'migration',
  severity: 'error',
  why: 'PostgreSQL\'s own parser rejects this statement, so the migration fails here; statements that do parse are still checked.',
});

export const NOT_UNDERSTOOD = defineRule({
  id: 'not-understood',
  name: 'not-understood',
  category: 'migration',
  severity: 'warning',
  why: 'Tablewright reads Alembic calls without running Python and does not guess: this construct was not checked, so review it by hand.',
});
