import { quoteQName } from '../../sql/ident.js';
import type { Rule } from '../types.js';
import { grantedToOthers } from './sc-acl.js';

export const SC06: Rule = {
  id: 'SC06', name: 'security-definer-view', category: 'security', severity: 'error', needs: ['snapshot'],
  why: 'A view runs with its owner\'s rights unless security_invoker is set (PostgreSQL 15+), so other roles reading it bypass the row-level security of its tables.',
  check: (ctx) => {
    if (ctx.snapshot.server.versionNum < 150000) return [];
    const views = Object.entries(ctx.snapshot.schemas).flatMap(([schema, s]) => Object.values(s.views).map((view) => ({ schema, view })));
    return ctx.each(views, (v) => `${v.schema}.${v.view.name}`, ({ schema, view }) => {
      if (view.extension || view.options.security_invoker === 'true' || view.options.security_invoker === 'on') return undefined;
      const readers = grantedToOthers(view.acl, view.owner, 'SELECT');
      return readers.length
        ? { target: { schema, object: view.name }, message: `view ${schema}.${view.name} is readable by ${readers.join(', ')} and runs with its owner's rights (no security_invoker)`, fix: { sql: `ALTER VIEW ${quoteQName(schema, view.name)} SET (security_invoker = true);` } }
        : undefined;
    });
  },
};
