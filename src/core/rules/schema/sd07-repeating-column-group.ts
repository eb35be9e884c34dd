import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const SD07: Rule = {
  id: 'SD07', name: 'repeating-column-group', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'Columns like phone1, phone2, phone3 are a repeating group (a first-normal-form violation): a child table holds any number of them and can be queried and indexed.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    if (!t.table.columns.some((c) => /\d$/.test(c.name))) return undefined;
    const groups = new Map<string, string[]>();
    for (const c of t.table.columns) {
      const m = /^(.*?[a-z])_?(\d+)$/.exec(c.name);
      if (!m) continue;
      const list = groups.get(m[1]!) ?? [];
      list.push(c.name);
      groups.set(m[1]!, list);
    }
    return [...groups].filter(([, cols]) => cols.length >= 2).map(([stem, cols]) => ({
      target: at(t, { column: cols[0] }),
      message: `${t.qname} repeats ${stem} as ${cols.join(', ')}; move them to a child table (${t.table.name}_${stem}s)`,
    }));
  }),
};
