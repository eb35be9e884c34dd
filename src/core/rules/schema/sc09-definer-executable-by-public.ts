import { quoteIdent } from '../../sql/ident.js';
import type { Rule } from '../types.js';
import { publicCanExecute } from './sc-acl.js';

export const SC09: Rule = {
  id: 'SC09', name: 'definer-executable-by-public', category: 'security', severity: 'warning', needs: ['snapshot'],
  why: 'Every role may execute a new function by default; a SECURITY DEFINER one then lends its owner\'s rights to anyone.',
  check: (ctx) => {
    const fns = Object.entries(ctx.snapshot.schemas).flatMap(([schema, s]) => Object.entries(s.functions).map(([key, fn]) => ({ schema, key, fn })));
    return ctx.each(fns, (f) => `${f.schema}.${f.key}`, ({ schema, key, fn }) =>
      fn.securityDefiner && !fn.extension && publicCanExecute(fn.acl)
        ? { target: { schema, object: key }, message: `SECURITY DEFINER function ${schema}.${key} is executable by PUBLIC`, fix: { sql: `REVOKE EXECUTE ON FUNCTION ${quoteIdent(schema)}.${quoteIdent(fn.name)}(${fn.identityArgs}) FROM PUBLIC;` } }
        : undefined);
  },
};
