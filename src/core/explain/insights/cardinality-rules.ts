import { fmtCount, fmtFactor, fmtMs, fmtPct } from '../format.js';
import type { PlanNode, PlanTree } from '../types.js';
import { bySeverity, type NodeRule } from './types.js';

const relOf = (n: PlanNode) => (n.relation ? `${n.schema ? `${n.schema}.` : ''}${n.relation}` : undefined);

/** The factor counts only with enough rows to matter; over-estimates under a Limit or on a grouped Aggregate are expected. */
export function misestimated(n: PlanNode): boolean {
  if (!n.analyzed || n.neverExecuted || n.estFactor <= 10) return false;
  if (Math.max(n.planRows * n.loops, n.actualRowsTotal) < 100) return false;
  if (n.estDirection === 'over' && n.timeShare <= 0.1 && (n.raw['Group Key'] !== undefined && n.nodeType === 'Aggregate')) return false;
  return true;
}

/** explain.md §3 A and B: where the time goes, and row estimates. */
export const TIME_RULES: NodeRule[] = [
  {
    id: 'hot-node',
    check(n, t) {
      if (!t.analyzed) return undefined;
      const sev = bySeverity(n.timeShare, [[0.1, 'info'], [0.4, 'warn'], [0.9, 'crit']]);
      if (!sev) return undefined;
      return { severity: sev, impactMs: n.exclusiveMs, message: `${fmtPct(n.timeShare)} of execution time is spent in ${n.label} (${fmtMs(n.exclusiveMs)} exclusive)`, action: 'start here: the other insights on this node say why it is slow' };
    },
  },
  {
    id: 'cost-hot-node',
    check(n, t) {
      if (t.analyzed || !t.maxTotalCost) return undefined;
      const share = n.exclusiveCost / t.maxTotalCost;
      const sev = bySeverity(share, [[0.1, 'info'], [0.4, 'warn'], [0.9, 'crit']]);
      if (!sev) return undefined;
      return { severity: sev, impactMs: 0, message: `estimated most expensive step: ${n.label} (${fmtPct(share)} of the total cost ${fmtCount(Math.round(t.maxTotalCost))})`, action: 'run with ANALYZE to see whether the time really goes here' };
    },
  },
  {
    id: 'never-executed',
    check(n) {
      if (!n.neverExecuted) return undefined;
      return { severity: 'info', impactMs: 0, message: `${n.label} was never executed (pruned or short-circuited)`, action: 'nothing to do; it costs no time' };
    },
  },
  {
    id: 'row-misestimate',
    check(n, t) {
      if (!misestimated(n)) return undefined;
      if (n.estDirection === 'over' && n.timeShare <= 0.1 && parentIsLimit(n, t)) return undefined;
      const sev = bySeverity(n.estFactor, [[10, 'warn'], [100, 'high'], [1000, 'crit']])!;
      const rel = relOf(n);
      return {
        severity: sev, impactMs: n.inclusiveMs,
        message: `${n.label}: ${n.estDirection === 'under' ? 'under' : 'over'}-estimated ${fmtFactor(n.estFactor)}× (${fmtCount(n.actualRowsTotal)} rows, planned ${fmtCount(n.planRows * Math.max(1, n.loops))})`,
        action: rel ? `ANALYZE ${rel}; if it stays wrong, raise the statistics target or CREATE STATISTICS on correlated columns` : 'ANALYZE the tables below; raise statistics targets or CREATE STATISTICS for correlated columns',
        ...(rel ? { sql: `ANALYZE ${rel};` } : {}),
      };
    },
  },
  {
    id: 'misestimate-origin',
    check(n) {
      if (!misestimated(n)) return undefined;
      // the deepest misestimated node: every child estimated within 10×
      if (n.children.some((c) => c.analyzed && !c.neverExecuted && c.estFactor > 10)) return undefined;
      if (!n.children.length && n.parentId === null) return undefined;
      return { severity: 'info', impactMs: n.inclusiveMs, message: `the row estimate goes wrong at ${n.label}; its parents inherit the error`, action: 'fix the estimate here first (statistics on the filtered columns)' };
    },
  },
];

const parentIsLimit = (n: PlanNode, t: PlanTree): boolean => n.parentId !== null && t.nodes[n.parentId - 1]?.nodeType === 'Limit';
