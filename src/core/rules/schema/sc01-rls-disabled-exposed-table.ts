import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';
import { grantedToOthers } from './sc-acl.js';

export const SC01: Rule = {
  id: 'SC01', name: 'rls-disabled-exposed-table', category: 'security', severity: 'error', needs: ['snapshot'],
  why: 'A table other roles can read (an API role through PostgREST or Supabase, say) without row-level security exposes every row to each of them.',
  defaults: { exposedSchemas: [], apiRoles: [] },
  check: (ctx) => {
    const schemas = ctx.options.exposedSchemas as string[];
    const roles = ctx.options.apiRoles as string[];
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
      if (t.table.rls.enabled) return undefined;
      if (schemas.length && !schemas.includes(t.schema)) return undefined;
      const readers = grantedToOthers(t.table.acl, t.table.owner, 'SELECT').filter((r) => !roles.length || roles.includes(r) || r === 'PUBLIC');
      if (!readers.length) return undefined;
      return {
        target: at(t),
        message: `${t.qname} is readable by ${readers.join(', ')} but row-level security is off`,
        fix: { sql: `ALTER TABLE ${sqlName(t)} ENABLE ROW LEVEL SECURITY;`, steps: ['then CREATE POLICY … for each role that should see rows'] },
      };
    });
  },
};
