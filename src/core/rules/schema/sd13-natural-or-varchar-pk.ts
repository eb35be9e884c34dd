import { at, baseType, column, tables } from '../model.js';
import type { Rule } from '../types.js';

const SURROGATE = new Set(['smallint', 'integer', 'bigint', 'uuid']);

export const SD13: Rule = {
  id: 'SD13', name: 'natural-or-varchar-pk', category: 'design', severity: 'info', needs: ['snapshot'],
  why: 'Natural or text primary keys change in the real world and make every referencing row and index wider; a surrogate key with a UNIQUE natural key ages better.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const pk = t.table.primaryKey;
    if (!pk || pk.columns.length !== 1) return undefined;
    const c = column(t.table, pk.columns[0]!);
    if (!c || SURROGATE.has(baseType(c))) return undefined;
    return { target: at(t, { column: c.name }), message: `${t.qname} has a ${c.type} primary key (${c.name}); a surrogate key plus UNIQUE (${c.name}) ages better` };
  }),
};
