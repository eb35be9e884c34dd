import { quoteIdent } from '../../sql/ident.js';
import { at, column, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD01: Rule = {
  id: 'SD01', name: 'table-without-primary-key', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'Without a primary key rows cannot be addressed reliably: ORM updates and deletes, logical replication and deduplication all need one.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    if (t.table.primaryKey || t.table.kind === 'foreign') return undefined;
    const unique = t.table.uniques.find((u) => u.columns.every((c) => column(t.table, c)?.notNull));
    if (unique) {
      return {
        target: at(t),
        message: `${t.qname} has no primary key; its unique constraint ${unique.name} on NOT NULL columns can become one`,
        fix: { sql: `ALTER TABLE ${sqlName(t)} DROP CONSTRAINT ${quoteIdent(unique.name)}, ADD PRIMARY KEY (${unique.columns.map(quoteIdent).join(', ')});` },
      };
    }
    return {
      target: at(t),
      message: `${t.qname} has no primary key`,
      fix: {
        sql: `ALTER TABLE ${sqlName(t)} ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;`,
        steps: ['or, if a set of NOT NULL columns identifies a row, declare it: ALTER TABLE … ADD PRIMARY KEY (…)'],
      },
    };
  }),
};
