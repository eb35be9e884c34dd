import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SC08: Rule = {
  id: 'SC08', name: 'rls-not-forced', category: 'security', severity: 'info', needs: ['snapshot'],
  why: 'Without FORCE ROW LEVEL SECURITY the table owner bypasses every policy, and applications often connect as the owner.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.rls.enabled && !t.table.rls.forced ? { target: at(t), message: `${t.qname} has row-level security on but not forced: its owner bypasses the policies`, fix: { sql: `ALTER TABLE ${sqlName(t)} FORCE ROW LEVEL SECURITY;` } } : undefined),
};
