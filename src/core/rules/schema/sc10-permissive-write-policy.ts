import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

const isTrue = (e?: string) => !!e && /^\(?\s*true\s*\)?$/i.test(e.trim());

export const SC10: Rule = {
  id: 'SC10', name: 'permissive-write-policy', category: 'security', severity: 'warning', needs: ['snapshot'],
  why: 'A permissive policy USING (true) or WITH CHECK (true) on writes lets every role it applies to change every row, which defeats row-level security.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.policies.filter((p) => p.permissive && (
      (['UPDATE', 'DELETE', 'ALL'].includes(p.command) && isTrue(p.using)) ||
      (['INSERT', 'UPDATE', 'ALL'].includes(p.command) && isTrue(p.withCheck))))
      .map((p) => ({ target: at(t, { object: p.name }), message: `policy ${p.name} on ${t.qname} allows ${p.command} on every row (${isTrue(p.using) ? 'USING (true)' : 'WITH CHECK (true)'})` }))),
};
