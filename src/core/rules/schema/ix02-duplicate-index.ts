import { quoteQName } from '../../sql/ident.js';
import type { Index } from '../../introspect/types.js';
import { at, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

/** What makes two indexes interchangeable for reads (direction aside). */
export const indexSignature = (ix: Index): string =>
  // a \u0001-separated key is unambiguous (names cannot contain it) and far cheaper than JSON
  `${ix.method}\u0001${ix.keys.map((k) => `${k.column ?? ''}\u0002${k.expression ?? ''}\u0002${k.opclass ?? ''}\u0002${k.collation ?? ''}`).join('\u0003')}\u0001${ix.predicate ?? ''}\u0001${ix.include.join('\u0003')}`;

/** Of two equal indexes, the one to keep: the one backing a constraint, then unique, then the older name order. */
const keepRank = (ix: Index) => (ix.primary ? 0 : ix.constraint ? 1 : ix.unique ? 2 : 3);

export const IX02: Rule = {
  id: 'IX02', name: 'duplicate-index', category: 'indexing', severity: 'warning', needs: ['snapshot'],
  why: 'A duplicate index doubles write cost and storage and never makes a read faster.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const ixs = t.table.indexes;
    if (ixs.length < 2) return undefined;
    // duplicates share their first key: tables where no two indexes do need no signatures
    const firsts = new Set(ixs.map((ix) => `${ix.method}\u0001${ix.keys[0]?.column ?? ix.keys[0]?.expression ?? ''}`));
    if (firsts.size === ixs.length) return undefined;
    const groups = new Map<string, Index[]>();
    for (const ix of t.table.indexes) {
      if (!ix.valid) continue;
      const sig = indexSignature(ix);
      groups.set(sig, [...(groups.get(sig) ?? []), ix]);
    }
    const out: RawFinding[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const [keep, ...drop] = [...group].sort((a, b) => keepRank(a) - keepRank(b) || a.name.localeCompare(b.name));
      for (const ix of drop) {
        if (ix.constraint) continue;
        out.push({
          target: at(t, { object: ix.name }),
          message: `index ${ix.name} on ${t.qname} duplicates ${keep!.name}`,
          fix: { sql: `DROP INDEX CONCURRENTLY ${quoteQName(t.schema, ix.name)};` },
        });
      }
    }
    return out;
  }),
};

