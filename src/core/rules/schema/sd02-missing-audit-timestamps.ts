import { at, column, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';
import { quoteIdent } from '../../sql/ident.js';

/** Pure link tables (every column part of the key and a foreign key) need no audit columns. */
const isLinkTable = (t: import('../../introspect/types.js').Table): boolean =>
  !!t.primaryKey && t.columns.every((c) => t.primaryKey!.columns.includes(c.name) && t.foreignKeys.some((fk) => fk.columns.includes(c.name)));

export const SD02: Rule = {
  id: 'SD02', name: 'missing-audit-timestamps', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'Without created_at / updated_at you cannot tell when a row appeared or changed, which debugging, syncing and auditing all need.',
  defaults: { columns: ['created_at', 'updated_at'], type: 'timestamp with time zone' },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    if (t.table.kind === 'foreign' || isLinkTable(t.table)) return undefined;
    const want = ctx.options.columns as string[];
    const type = ctx.options.type as string;
    const problems: string[] = [];
    const sql: string[] = [];
    for (const name of want) {
      const c = column(t.table, name);
      if (!c) {
        problems.push(`no ${name}`);
        sql.push(`ALTER TABLE ${sqlName(t)} ADD COLUMN ${quoteIdent(name)} timestamptz NOT NULL DEFAULT now();`);
      } else if (c.type !== type) {
        problems.push(`${name} is ${c.type}, not ${type}`);
      } else if (!c.notNull) {
        problems.push(`${name} is nullable`);
        sql.push(`ALTER TABLE ${sqlName(t)} ALTER COLUMN ${quoteIdent(name)} SET NOT NULL;`);
      }
    }
    if (!problems.length) return undefined;
    return { target: at(t), message: `${t.qname}: ${problems.join(', ')}`, fix: sql.length ? { sql: sql.join('\n') } : undefined };
  }),
};
