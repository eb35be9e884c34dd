import { quoteIdent } from '../../sql/ident.js';
import { at, sqlName, tables, pick } from '../model.js';
import type { Rule } from '../types.js';

export const CN09: Rule = {
  id: 'CN09', name: 'implicit-foreign-key', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'A <table>_id column with no foreign key is a relationship the database does not protect: orphans creep in.',
  check: (ctx) => {
    const byName = new Map<string, string[]>();
    for (const t of tables(ctx.snapshot)) {
      if (t.table.primaryKey?.columns.length !== 1) continue;
      for (const key of [t.table.name, t.table.name.replace(/s$/, ''), t.table.name.replace(/ies$/, 'y')]) {
        byName.set(key, [...(byName.get(key) ?? []), t.qname]);
      }
    }
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
      pick(t.table.columns, (c) => {
        if (!c.name.endsWith('_id') || c.name.length < 4) return undefined;
        const list = byName.get(c.name.slice(0, -3));
        if (!list || t.table.foreignKeys.some((fk) => fk.columns.includes(c.name))) return undefined;
        const candidates = [...new Set(list)].filter((q) => q !== t.qname);
        const sameSchema = candidates.find((q) => q.startsWith(`${t.schema}.`)) ?? candidates[0];
        if (!sameSchema) return undefined;
        const [rs, rt] = [sameSchema.slice(0, sameSchema.indexOf('.')), sameSchema.slice(sameSchema.indexOf('.') + 1)];
        const refCol = ctx.snapshot.schemas[rs]!.tables[rt]!.primaryKey!.columns[0]!;
        return {
          target: at(t, { column: c.name }),
          message: `${t.qname}.${c.name} looks like a reference to ${sameSchema} but has no foreign key`,
          fix: { sql: `ALTER TABLE ${sqlName(t)} ADD CONSTRAINT ${quoteIdent(`${t.table.name}_${c.name}_fkey`)} FOREIGN KEY (${quoteIdent(c.name)}) REFERENCES ${quoteIdent(rs)}.${quoteIdent(rt)} (${quoteIdent(refCol)}) NOT VALID;`, steps: ['then VALIDATE CONSTRAINT in a later transaction'] },
        };
      }));
  },
};
