import { at, column, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX08: Rule = {
  id: 'IX08', name: 'btree-on-array', category: 'indexing', severity: 'warning', needs: ['snapshot'],
  why: 'A btree on an array only serves whole-array equality; containment (@>, &&) needs a GIN index.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const isArray = (name: string | undefined) => {
      const c = name === undefined ? undefined : column(t.table, name);
      return !!c && (c.arrayDims > 0 || c.type.endsWith('[]'));
    };
    const hits = t.table.indexes.filter((ix) => ix.method === 'btree' && ix.keys.some((k) => isArray(k.column)));
    return hits.length ? hits.map((ix) => ({ target: at(t, { object: ix.name }), message: `btree index ${ix.name} on ${t.qname} covers an array column; use GIN for containment queries` })) : undefined;
  }),
};
