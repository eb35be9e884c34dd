import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SC03: Rule = {
  id: 'SC03', name: 'rls-enabled-no-policy', category: 'security', severity: 'info', needs: ['snapshot'],
  why: 'With row-level security on and no policy, every role but the owner (and superusers) sees no rows at all.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.rls.enabled && !t.table.policies.length ? { target: at(t), message: `${t.qname} has row-level security on but no policy: only its owner can see rows` } : undefined),
};
