import { at, column, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX06: Rule = {
  id: 'IX06', name: 'low-cardinality-index', category: 'indexing', severity: 'info', needs: ['stats'],
  why: 'An index on a column with a handful of values rarely beats a sequential scan; a partial index on the rare value usually does.',
  defaults: { maxDistinct: 10, minRows: 10_000 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.indexes.flatMap((ix) => {
      const first = ix.keys[0]?.column;
      if (!first || ix.method !== 'btree' || ix.predicate || ix.unique || ix.keys.length > 1) return [];
      const c = column(t.table, first);
      const isBool = c?.type === 'boolean';
      // small tables are exempt: look at column statistics only for large ones
      const rows = ctx.stats!.tables[t.qname]?.reltuples ?? 0;
      if (!isBool && rows < (ctx.options.minRows as number)) return [];
      const st = ctx.stats!.columns[`${t.qname}.${first}`];
      const few = st && st.nDistinct > 0 && st.nDistinct <= (ctx.options.maxDistinct as number);
      if (!isBool && !few) return [];
      const mostlyNull = st && st.nullFrac >= 0.5;
      return [{
        target: at(t, { object: ix.name, column: first }),
        message: `index ${ix.name} on ${t.qname} is on ${first}, which has ${isBool ? 'two values (boolean)' : `only ${st!.nDistinct} distinct values`}` +
          (mostlyNull ? ` and is ${Math.round(st.nullFrac * 100)} % NULL; an index WHERE ${first} IS NOT NULL is smaller` : '; a partial index on the rare value is smaller and faster'),
      }];
    })),
};
