import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD06: Rule = {
  id: 'SD06', name: 'all-columns-nullable', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'When every column but the key may be NULL, the table accepts empty rows; required facts should be NOT NULL.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const pk = t.table.primaryKey?.columns ?? [];
    // the usual table has a NOT NULL column besides its key: decided without building a list
    if (t.table.columns.some((c) => c.notNull && !pk.includes(c.name) && !c.generated)) return undefined;
    const rest = t.table.columns.filter((c) => !pk.includes(c.name) && !c.generated);
    return rest.length >= 2 && rest.every((c) => !c.notNull)
      ? { target: at(t), message: `${t.qname}: all ${rest.length} non-key columns are nullable; mark the required ones NOT NULL` }
      : undefined;
  }),
};
