import { at, column, tables, pick } from '../model.js';
import type { Rule } from '../types.js';

/** Proposed rule: ON DELETE SET NULL on a NOT NULL column makes every delete of a referenced row fail. */
export const CN11: Rule = {
  id: 'CN11', name: 'set-null-on-not-null', category: 'constraints', severity: 'error', needs: ['snapshot'],
  why: 'ON DELETE SET NULL / SET DEFAULT cannot succeed when the column is NOT NULL (or has no default), so deleting the parent row always errors.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    pick(t.table.foreignKeys, (fk) => {
      const cols = fk.onDeleteSetColumns ?? fk.columns;
      if (fk.onDelete === 'SET NULL') {
        const bad = cols.filter((c) => column(t.table, c)?.notNull);
        return bad.length ? { target: at(t, { column: bad[0], object: fk.name }), message: `foreign key ${fk.name} is ON DELETE SET NULL but ${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} NOT NULL: deleting a ${fk.references.table} row will fail` } : undefined;
      }
      if (fk.onDelete === 'SET DEFAULT') {
        const bad = cols.filter((c) => { const col = column(t.table, c); return col?.notNull && col.default === undefined; });
        return bad.length ? { target: at(t, { column: bad[0], object: fk.name }), message: `foreign key ${fk.name} is ON DELETE SET DEFAULT but ${bad.join(', ')} has no default and is NOT NULL` } : undefined;
      }
      return undefined;
    })),
};
