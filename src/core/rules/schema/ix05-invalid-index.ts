import { quoteIdent, quoteQName } from '../../sql/ident.js';
import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX05: Rule = {
  id: 'IX05', name: 'invalid-index', category: 'indexing', severity: 'error', needs: ['snapshot'],
  why: 'An invalid index (left by a failed CREATE INDEX CONCURRENTLY) is never used for reads but is still maintained on every write; a unique one still rejects rows.',
  check: (ctx) => ctx.each(tables(ctx.snapshot, { partitions: true }), (t) => t.qname, (t) =>
    t.table.indexes.filter((ix) => !ix.valid && ix.ready).map((ix) => ({
      target: at(t, { object: ix.name }),
      message: `index ${ix.name} on ${t.qname} is invalid`,
      fix: { sql: `REINDEX INDEX CONCURRENTLY ${quoteQName(t.schema, ix.name)};`, steps: [`or drop it: DROP INDEX CONCURRENTLY ${quoteIdent(t.schema)}.${quoteIdent(ix.name)};`] },
    }))),
};
