import { at, baseType, checksMention, nameMatcher, tables, typeOf, pick } from '../model.js';
import type { Rule } from '../types.js';

const NUMERIC = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);

/** Proposed rule: quantities, prices and ratings usually have a valid range the database can enforce. */
export const CN12: Rule = {
  id: 'CN12', name: 'missing-range-check', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'A CHECK on the valid range (price >= 0, rating BETWEEN 1 AND 5) stops bad data at the door instead of in a report months later.',
  defaults: { names: ['price', 'amount', 'cost', 'total', 'balance', 'fee', 'quantity', 'qty', 'rating', 'percent', 'discount', 'stock', 'weight', 'age'] },
  check: (ctx) => {
    const moneyish = nameMatcher(ctx.options.names as string[]);
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    pick(t.table.columns, (c) => {
      if (!moneyish(c.name)) return undefined;
      const ty = typeOf(ctx.snapshot, c);
      if (ty.domainBase) {
        const [s, n] = [c.typeRef.slice(0, c.typeRef.indexOf('.')), c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
        const d = ctx.snapshot.schemas[s]?.types[n];
        if (d?.kind === 'domain' && d.checks.length) return undefined;
      }
      if (!NUMERIC.has(ty.domainBase ?? baseType(c)) || c.generated) return undefined;
      if (checksMention(t.table, c.name)) return undefined;
      return { target: at(t, { column: c.name }), message: `${t.qname}.${c.name} has no CHECK on its range (e.g. CHECK (${c.name} >= 0))` };
    }));
  },
};
