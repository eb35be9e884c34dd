import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const HL10: Rule = {
  id: 'HL10', name: 'stale-statistics', category: 'health', severity: 'info', needs: ['stats'], cumulative: true,
  why: 'Planner statistics that predate most of a table\'s changes lead to bad row estimates and bad plans.',
  defaults: { changedShare: 0.2, minChanged: 1_000 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const s = ctx.stats!.tables[t.qname];
    if (!s || s.modsSinceAnalyze < (ctx.options.minChanged as number) || s.modsSinceAnalyze < Math.max(s.liveTuples, 1) * (ctx.options.changedShare as number)) return undefined;
    return { target: at(t), message: `${t.qname} changed ${s.modsSinceAnalyze} rows since it was last analyzed (${s.lastAnalyze ?? 'never'})`, fix: { sql: `ANALYZE ${sqlName(t)};` } };
  }),
};
