import { at, colList, fkCovered, indexNameFor, sqlName, tables } from '../model.js';
import { quoteIdent } from '../../sql/ident.js';
import type { Rule } from '../types.js';

export const IX01: Rule = {
  id: 'IX01', name: 'fk-without-index', category: 'indexing', severity: 'warning', needs: ['snapshot'],
  why: 'Deleting or updating a referenced row scans the whole referencing table when no index leads with the foreign key columns, and joins along the key get slow.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.foreignKeys.filter((fk) => !fkCovered(t.table, fk)).map((fk) => ({
      target: at(t, { column: fk.columns.length === 1 ? fk.columns[0] : undefined, object: fk.name }),
      message: `foreign key ${fk.name} on ${t.qname} (${fk.columns.join(', ')}) → ${fk.references.table} has no index leading with its columns`,
      fix: {
        sql: `CREATE INDEX CONCURRENTLY ${quoteIdent(indexNameFor(t.table.name, fk.columns))} ON ${sqlName(t)} (${colList(fk.columns)});`,
        steps: t.table.kind === 'partitioned' ? ['a partitioned table cannot be indexed CONCURRENTLY: create the index ON ONLY the parent, then CONCURRENTLY on each partition and ATTACH them'] : undefined,
      },
    }))),
};
