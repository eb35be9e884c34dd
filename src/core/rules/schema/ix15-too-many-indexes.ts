import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX15: Rule = {
  id: 'IX15', name: 'too-many-indexes', category: 'indexing', severity: 'info', needs: ['snapshot'],
  why: 'Every index is updated on every write (and blocks HOT updates of its columns); many indexes on one table slow writes noticeably.',
  defaults: { max: 8 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.length > (ctx.options.max as number)
      ? { target: at(t), message: `${t.qname} has ${t.table.indexes.length} indexes (more than ${ctx.options.max as number})` }
      : undefined),
};
