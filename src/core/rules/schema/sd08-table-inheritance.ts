import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD08: Rule = {
  id: 'SD08', name: 'table-inheritance', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'INHERITS children do not inherit primary keys, unique constraints or foreign keys, so integrity silently stops at the parent; declarative partitioning does not have this gap.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.inherits.length ? { target: at(t), message: `${t.qname} uses table inheritance (INHERITS ${t.table.inherits.join(', ')})` } : undefined),
};
