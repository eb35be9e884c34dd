import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

const SNAKE = /^[a-z_][a-z0-9_]*$/;

export const NM01: Rule = {
  id: 'NM01', name: 'name-casing', category: 'naming', severity: 'warning', needs: ['snapshot'],
  why: 'Names outside lower snake_case must be double-quoted in every query forever; most tools and ORMs assume snake_case.',
  check: (ctx) => {
    const out = ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
      if (SNAKE.test(t.table.name) && t.table.columns.every((c) => SNAKE.test(c.name))) return undefined;
      return [
        ...(SNAKE.test(t.table.name) ? [] : [{ target: at(t), message: `table name "${t.table.name}" is not snake_case` }]),
        ...t.table.columns.filter((c) => !SNAKE.test(c.name) && !c.inherited).map((c) => ({ target: at(t, { column: c.name }), message: `column name "${c.name}" on ${t.qname} is not snake_case` })),
      ];
    });
    for (const [schema, s] of Object.entries(ctx.snapshot.schemas)) {
      for (const v of [...Object.keys(s.views), ...Object.keys(s.materializedViews)]) {
        if (!SNAKE.test(v)) out.push({ target: { schema, object: v }, message: `view name "${v}" is not snake_case` });
      }
    }
    return out;
  },
};
