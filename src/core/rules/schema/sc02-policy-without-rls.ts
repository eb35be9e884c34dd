import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SC02: Rule = {
  id: 'SC02', name: 'policy-without-rls', category: 'security', severity: 'error', needs: ['snapshot'],
  why: 'Policies do nothing until row-level security is enabled on the table: someone meant to restrict rows and did not.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.policies.length && !t.table.rls.enabled
      ? { target: at(t), message: `${t.qname} has ${t.table.policies.length} polic${t.table.policies.length > 1 ? 'ies' : 'y'} (${t.table.policies.map((p) => p.name).join(', ')}) but row-level security is disabled`, fix: { sql: `ALTER TABLE ${sqlName(t)} ENABLE ROW LEVEL SECURITY;` } }
      : undefined),
};
