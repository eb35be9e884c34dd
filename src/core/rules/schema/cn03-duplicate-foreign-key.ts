import { quoteIdent } from '../../sql/ident.js';
import { at, sqlName, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const CN03: Rule = {
  id: 'CN03', name: 'duplicate-foreign-key', category: 'constraints', severity: 'warning', needs: ['snapshot'],
  why: 'Two identical foreign keys check every write twice and confuse tools that derive relationships.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    if (t.table.foreignKeys.length < 2) return undefined;
    const seen = new Map<string, string>();
    const out: RawFinding[] = [];
    for (const fk of [...t.table.foreignKeys].sort((a, b) => a.name.localeCompare(b.name))) {
      const key = JSON.stringify([[...fk.columns].sort(), fk.references.table, [...fk.references.columns].sort()]);
      const first = seen.get(key);
      if (first) out.push({ target: at(t, { object: fk.name }), message: `foreign key ${fk.name} on ${t.qname} duplicates ${first}`, fix: { sql: `ALTER TABLE ${sqlName(t)} DROP CONSTRAINT ${quoteIdent(fk.name)};` } });
      else seen.set(key, fk.name);
    }
    return out;
  }),
};
