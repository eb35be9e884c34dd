import { at, baseType, column, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX09: Rule = {
  id: 'IX09', name: 'timestamp-not-last', category: 'indexing', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'A timestamp in the middle of a btree key is usually filtered by range, which stops the columns after it from narrowing the scan.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.filter((ix) => !ix.unique && ix.method === 'btree' && ix.keys.length > 1 &&
      ix.keys.slice(0, -1).some((k) => k.column && baseType(column(t.table, k.column)!).startsWith('timestamp')))
      .map((ix) => ({ target: at(t, { object: ix.name }), message: `index ${ix.name} has a timestamp column before its last key` }))),
};
