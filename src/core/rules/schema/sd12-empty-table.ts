import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD12: Rule = {
  id: 'SD12', name: 'empty-table', category: 'design', severity: 'info', needs: ['stats'], offByDefault: true,
  why: 'An empty table may be unused; drop it or say why it exists.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    ctx.stats!.tables[t.qname]?.reltuples === 0 && t.table.kind === 'table' ? { target: at(t), message: `${t.qname} has no rows` } : undefined),
};
