import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

const plural = (n: string) => /(s|ies|data|people|children)$/.test(n);

export const NM02: Rule = {
  id: 'NM02', name: 'name-inflection', category: 'naming', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'Mixing singular and plural table names makes every query a guess.',
  defaults: { inflection: 'plural' },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const want = ctx.options.inflection as 'plural' | 'singular';
    const last = t.table.name.split('_').pop()!;
    const isPlural = plural(last);
    return (want === 'plural') === isPlural ? undefined : { target: at(t), message: `table name "${t.table.name}" is ${isPlural ? 'plural' : 'singular'}; the policy is ${want}` };
  }),
};
