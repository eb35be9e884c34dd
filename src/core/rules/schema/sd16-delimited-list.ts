import { at, baseType, tables, pick } from '../model.js';
import type { Rule } from '../types.js';

/** Proposed rule: comma-separated lists stored in text columns, detected from pg_stats' value sample. */
const TEXTY = new Set(['text', 'character varying']);

export const SD16: Rule = {
  id: 'SD16', name: 'delimited-list-in-text', category: 'design', severity: 'warning', needs: ['stats'],
  why: 'A comma-separated list in a text column cannot be indexed, constrained or joined; use an array column or a child table.',
  defaults: { minShare: 0.5 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    pick(t.table.columns, (c) => {
      if (c.arrayDims || !TEXTY.has(baseType(c))) return undefined;
      const values = ctx.stats!.columns[`${t.qname}.${c.name}`]?.commonValues ?? [];
      if (values.length < 3) return undefined;
      const listy = values.filter((v) => /^[^,;|]{1,40}([,;|]\s?[^,;|]{1,40}){1,}$/.test(v) && !/\s{2,}|[.!?]$/.test(v));
      if (listy.length / values.length < (ctx.options.minShare as number)) return undefined;
      return { target: at(t, { column: c.name }), message: `${t.qname}.${c.name} holds delimited lists (e.g. "${listy[0]}"); use text[] or a child table` };
    })),
};
