import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX11: Rule = {
  id: 'IX11', name: 'wide-non-unique-index', category: 'indexing', severity: 'info', needs: ['snapshot'],
  why: 'Non-unique indexes with more than three key columns are large and rarely used fully; INCLUDE columns or a narrower key usually serve better.',
  defaults: { maxKeys: 3 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.filter((ix) => !ix.unique && ix.keys.length > (ctx.options.maxKeys as number))
      .map((ix) => ({ target: at(t, { object: ix.name }), message: `index ${ix.name} on ${t.qname} has ${ix.keys.length} key columns` }))),
};
