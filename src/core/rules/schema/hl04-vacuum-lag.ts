import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const HL04: Rule = {
  id: 'HL04', name: 'vacuum-lag', category: 'health', severity: 'warning', needs: ['stats'], cumulative: true,
  why: 'Dead rows that (auto)vacuum has not removed bloat the table and its indexes and slow every scan.',
  defaults: { deadShare: 0.2, minDead: 10_000 },
  check: (ctx) => ctx.each(tables(ctx.snapshot, { partitions: true }), (t) => t.qname, (t) => {
    const s = ctx.stats!.tables[t.qname];
    if (!s || s.deadTuples < (ctx.options.minDead as number) || s.deadTuples < s.liveTuples * (ctx.options.deadShare as number)) return undefined;
    return {
      target: at(t),
      message: `${t.qname} has ${s.deadTuples} dead rows against ${s.liveTuples} live ones (last vacuum ${s.lastVacuum ?? 'never'})`,
      fix: { sql: `VACUUM (ANALYZE) ${sqlName(t)};`, steps: ['if this recurs, lower autovacuum_vacuum_scale_factor for the table'] },
    };
  }),
};
