import { at, baseType, checksMention, nameMatcher, tables, pick } from '../model.js';
import type { Rule } from '../types.js';

const TEXTY = new Set(['text', 'character varying', 'character']);

/** Proposed rule: status-like columns as free text accept any typo as a new state. */
export const SD15: Rule = {
  id: 'SD15', name: 'free-text-status', category: 'design', severity: 'info', needs: ['snapshot'],
  why: 'A status column of free text accepts any typo as a new state; an enum, a CHECK (… IN (…)) or a lookup table keeps the set closed.',
  defaults: { names: ['status', 'state', 'kind', 'type', 'category', 'stage', 'level', 'role'] },
  check: (ctx) => {
    const statusLike = nameMatcher(ctx.options.names as string[], { prefix: false });
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    pick(t.table.columns, (c) => {
      if (!statusLike(c.name)) return undefined;
      if (!TEXTY.has(baseType(c)) || c.typeRef.startsWith('pg_catalog.') === false) return undefined;
      if (t.table.foreignKeys.some((fk) => fk.columns.includes(c.name))) return undefined;
      if (checksMention(t.table, c.name)) return undefined;
      return { target: at(t, { column: c.name }), message: `${t.qname}.${c.name} is free ${c.type}; constrain it with an enum, CHECK (${c.name} IN (…)) or a lookup table` };
    }));
  },
};
