import { fmtMs, fmtPct } from '../format.js';
import { bySeverity, type PlanRule } from './types.js';

/** Insights about the statement as a whole (explain.md §3 A, G). */
export const PLAN_RULES: PlanRule[] = [
  {
    id: 'planning-dominates',
    check(t) {
      const p = t.planningTimeMs;
      const e = t.executionTimeMs;
      if (p === undefined || e === undefined || p <= 5) return undefined;
      const share = p / (p + e);
      if (!bySeverity(share, [[0.1, 'warn']])) return undefined;
      return { severity: 'warn', impactMs: p, message: `planning takes ${fmtPct(share)} of the time (${fmtMs(p)})`, action: 'use a prepared statement; with many partitions prune them or lower join_collapse_limit; check planning buffers' };
    },
  },
  {
    id: 'jit-overhead',
    check(t) {
      const j = t.jitMs;
      const e = t.executionTimeMs;
      if (j === undefined || !e || j <= 10 || j / e <= 0.1) return undefined;
      return { severity: 'warn', impactMs: j, message: `JIT compilation takes ${fmtMs(j)} (${fmtPct(j / e)} of execution)`, action: 'raise jit_above_cost (and jit_inline/optimize_above_cost), or turn JIT off for short queries', sql: 'SET LOCAL jit = off;' };
    },
  },
  {
    id: 'trigger-time',
    check(t) {
      const e = t.executionTimeMs;
      const sum = t.triggers.reduce((s, x) => s + x.timeMs, 0);
      if (!e || sum / e <= 0.1) return undefined;
      const top = [...t.triggers].sort((a, b) => b.timeMs - a.timeMs)[0]!;
      const ri = /^RI_ConstraintTrigger_([ac])_/.exec(top.name);
      const action = ri?.[1] === 'a'
        ? `${top.name} checks the referencing rows of ${top.constraint ?? 'a foreign key'} per row: index the foreign-key column on the referencing table`
        : ri?.[1] === 'c'
          ? `${top.name} looks up the referenced key of ${top.constraint ?? 'a foreign key'} once per row (${top.calls} calls): batch the writes or defer the constraint`
          : `trigger ${top.name} runs ${top.calls} times; make it cheaper or statement-level`;
      return { severity: 'warn', impactMs: sum, message: `triggers take ${fmtMs(sum)} (${fmtPct(sum / e)} of execution), outside the node times; slowest ${top.name} ${fmtMs(top.timeMs)}`, action };
    },
  },
  {
    id: 'non-default-settings',
    check(t) {
      const s = Object.entries(t.settings);
      if (!s.length) return undefined;
      return { severity: 'info', impactMs: 0, message: `planned with non-default settings: ${s.map(([k, v]) => `${k}=${v}`).join(', ')}`, action: 'results may differ under the defaults your application uses' };
    },
  },
];
