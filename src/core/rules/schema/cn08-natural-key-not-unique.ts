import { quoteIdent } from '../../sql/ident.js';
import { at, indexNameFor, mentions, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const CN08: Rule = {
  id: 'CN08', name: 'natural-key-not-unique', category: 'constraints', severity: 'warning', needs: ['snapshot'],
  why: 'A natural key (email, sku, slug, …) that is not unique lets duplicates in, and every "find by email" becomes ambiguous.',
  defaults: { names: ['email', 'username', 'slug', 'sku', 'external_id', 'code'] },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.columns.filter((c) => (ctx.options.names as string[]).includes(c.name)).flatMap((c) => {
      // any unique index mentioning the column counts: plain, expression (lower(email)) or partial
      const covered = t.table.indexes.some((ix) => ix.unique && ix.keys.length <= 2 &&
        ix.keys.some((k) => k.column === c.name || (k.expression && mentions(k.expression, c.name))));
      if (covered) return [];
      return [{
        target: at(t, { column: c.name }),
        message: `${t.qname}.${c.name} looks like a natural key but nothing makes it unique`,
        fix: { sql: `CREATE UNIQUE INDEX CONCURRENTLY ${quoteIdent(indexNameFor(t.table.name, [c.name], 'key'))} ON ${sqlName(t)} (${quoteIdent(c.name)});` },
      }];
    })),
};
