import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD04: Rule = {
  id: 'SD04', name: 'too-many-columns', category: 'design', severity: 'info', needs: ['snapshot'],
  why: 'Very wide tables usually mix several entities and make every row expensive to read and update.',
  defaults: { max: 50 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const max = ctx.options.max as number;
    return t.table.columns.length > max
      ? { target: at(t), message: `${t.qname} has ${t.table.columns.length} columns (more than ${max}); consider splitting it` }
      : undefined;
  }),
};
