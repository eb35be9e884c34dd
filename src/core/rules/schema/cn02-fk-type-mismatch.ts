import { at, column, tableByQName, tables, typeOf } from '../model.js';
import type { Rule } from '../types.js';

const TEXTY = new Set(['text', 'character varying', 'character']);

export const CN02: Rule = {
  id: 'CN02', name: 'fk-type-mismatch', category: 'constraints', severity: 'warning', needs: ['snapshot'],
  why: 'A foreign key column of another type than the key it references needs casts in joins, may not use indexes, and (integer → bigint) overflows first.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.foreignKeys.flatMap((fk) => {
      const ref = tableByQName(ctx.snapshot, fk.references.table);
      if (!ref) return [];
      return fk.columns.flatMap((name, i) => {
        const a = column(t.table, name);
        const b = column(ref.table, fk.references.columns[i]!);
        if (!a || !b) return [];
        // same declared type: nothing to compare (the common case, without any lookups)
        if (a.type === b.type) return [];
        const ta = typeOf(ctx.snapshot, a);
        const tb = typeOf(ctx.snapshot, b);
        const baseA = ta.domainBase ?? ta.base;
        const baseB = tb.domainBase ?? tb.base;
        if (baseA === baseB) return [];
        const soft = TEXTY.has(baseA) && TEXTY.has(baseB);
        return [{
          target: at(t, { column: name, object: fk.name }),
          severity: soft ? ('info' as const) : undefined,
          message: `${t.qname}.${name} is ${a.type} but references ${fk.references.table}.${b.name} of type ${b.type}`,
          fix: soft ? undefined : { steps: [`change ${t.qname}.${name} to ${b.type} (a table rewrite: plan it as a migration)`] },
        }];
      });
    })),
};
