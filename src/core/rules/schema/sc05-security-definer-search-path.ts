import { quoteIdent } from '../../sql/ident.js';
import type { Rule } from '../types.js';

export const SC05: Rule = {
  id: 'SC05', name: 'security-definer-search-path', category: 'security', severity: 'error', needs: ['snapshot'],
  why: 'A SECURITY DEFINER function runs with its owner\'s rights; without a fixed search_path ending in pg_temp, a caller can plant a same-named object and run it with those rights.',
  check: (ctx) => {
    const fns = Object.entries(ctx.snapshot.schemas).flatMap(([schema, s]) => Object.entries(s.functions).map(([key, fn]) => ({ schema, key, fn })));
    return ctx.each(fns, (f) => `${f.schema}.${f.key}`, ({ schema, key, fn }) => {
      if (!fn.securityDefiner || fn.extension) return undefined;
      const path = fn.config.search_path;
      const parts = path?.split(',').map((p) => p.trim().replace(/^"|"$/g, '')) ?? [];
      if (path && parts.at(-1) === 'pg_temp') return undefined;
      const fixed = [...parts.filter((p) => p && p !== 'pg_temp'), 'pg_temp'];
      const base = parts.length ? fixed : ['pg_catalog', schema, 'pg_temp'];
      return {
        target: { schema, object: key },
        message: path ? `SECURITY DEFINER function ${schema}.${key} sets search_path = ${path}, which does not end in pg_temp` : `SECURITY DEFINER function ${schema}.${key} does not set search_path`,
        fix: { sql: `ALTER FUNCTION ${quoteIdent(schema)}.${quoteIdent(fn.name)}(${fn.identityArgs}) SET search_path = ${base.map(quoteIdent).join(', ')};` },
      };
    });
  },
};
