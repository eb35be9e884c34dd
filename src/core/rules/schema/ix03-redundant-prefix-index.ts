import { quoteQName } from '../../sql/ident.js';
import type { Index } from '../../introspect/types.js';
import { at, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

const keySig = (k: Index['keys'][number]) => JSON.stringify([k.column ?? null, k.expression ?? null, k.opclass ?? null, k.collation ?? null]);

/** `a` is a strict leading prefix of `b` with the same method and predicate. */
function isPrefix(a: Index, b: Index): boolean {
  if (a.method !== b.method || (a.predicate ?? '') !== (b.predicate ?? '') || a.keys.length >= b.keys.length) return false;
  return a.keys.every((k, i) => keySig(k) === keySig(b.keys[i]!) && k.desc === b.keys[i]!.desc);
}

export const IX03: Rule = {
  id: 'IX03', name: 'redundant-prefix-index', category: 'indexing', severity: 'warning', needs: ['snapshot'],
  why: 'A non-unique index whose columns lead another index serves no query the longer one cannot, yet costs writes and storage.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const out: RawFinding[] = [];
    for (const a of t.table.indexes) {
      if (a.unique || a.constraint || !a.valid || a.method !== 'btree') continue;
      const longer = t.table.indexes.find((b) => b !== a && b.valid && isPrefix(a, b));
      if (longer) {
        out.push({
          target: at(t, { object: a.name }),
          message: `index ${a.name} on ${t.qname} is a leading prefix of ${longer.name}`,
          fix: { sql: `DROP INDEX CONCURRENTLY ${quoteQName(t.schema, a.name)};` },
        });
      }
    }
    return out;
  }),
};
