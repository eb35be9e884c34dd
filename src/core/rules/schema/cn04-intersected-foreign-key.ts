import { at, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const CN04: Rule = {
  id: 'CN04', name: 'intersected-foreign-key', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'Foreign keys to the same table whose columns overlap usually mean one of them is redundant or mis-declared.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const fks = t.table.foreignKeys;
    if (fks.length < 2) return undefined;
    const out: RawFinding[] = [];
    for (let i = 0; i < fks.length; i++) {
      for (let j = i + 1; j < fks.length; j++) {
        const a = fks[i]!, b = fks[j]!;
        if (a.references.table !== b.references.table) continue;
        const shared = a.columns.filter((c) => b.columns.includes(c));
        const same = shared.length === a.columns.length && shared.length === b.columns.length;
        if (shared.length && !same) out.push({ target: at(t, { object: b.name }), message: `foreign keys ${a.name} and ${b.name} on ${t.qname} share column(s) ${shared.join(', ')} and both reference ${a.references.table}` });
      }
    }
    return out;
  }),
};
