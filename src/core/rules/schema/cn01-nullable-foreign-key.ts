import { at, column, tables, pick } from '../model.js';
import type { Rule } from '../types.js';

export const CN01: Rule = {
  id: 'CN01', name: 'nullable-foreign-key', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'A nullable foreign key makes the relationship optional; say so on purpose. In a multi-column key with MATCH SIMPLE, one NULL member skips the check entirely.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    pick(t.table.foreignKeys, (fk) => {
      const nullable = fk.columns.filter((c) => column(t.table, c)?.notNull === false);
      if (!nullable.length) return undefined;
      const multi = fk.columns.length > 1 && fk.match === 'SIMPLE';
      return {
        target: at(t, { column: nullable[0], object: fk.name }),
        severity: multi ? ('warning' as const) : undefined,
        message: multi
          ? `multi-column foreign key ${fk.name} on ${t.qname} has nullable member(s) ${nullable.join(', ')}: with MATCH SIMPLE a single NULL skips the check`
          : `foreign key ${fk.name} on ${t.qname}.${nullable[0]} is nullable (an optional relationship)`,
      };
    })),
};
