import type { PlanTree } from '../types.js';
import { TIME_RULES } from './cardinality-rules.js';
import { IO_RULES } from './io-rules.js';
import { JOIN_RULES, MEMORY_RULES } from './join-rules.js';
import { PLAN_RULES } from './plan-rules.js';
import { SCAN_RULES } from './scan-rules.js';
import { SEVERITY_RANK, type Insight } from './types.js';

export const NODE_RULES = [...TIME_RULES, ...SCAN_RULES, ...JOIN_RULES, ...MEMORY_RULES, ...IO_RULES];
export const INSIGHT_IDS = [...PLAN_RULES, ...NODE_RULES].map((r) => r.id);

/**
 * Every insight of the catalog that applies, ranked by impactMs then severity (explain.md §3).
 * Nodes under 1 ms and 2 % of the time are left alone unless the finding is critical.
 */
export function planInsights(tree: PlanTree): Insight[] {
  const out: Insight[] = [];
  for (const r of PLAN_RULES) {
    const d = r.check(tree);
    if (d) out.push({ id: r.id, nodeId: null, ...d });
  }
  for (const n of tree.nodes) {
    const small = tree.analyzed && n.exclusiveMs < 1 && n.timeShare < 0.02;
    for (const r of NODE_RULES) {
      const d = r.check(n, tree);
      if (!d) continue;
      if (small && d.severity !== 'crit' && d.impactMs < 1 && r.id !== 'never-executed' && r.id !== 'no-io-timing') continue;
      out.push({ id: r.id, nodeId: n.id, ...d });
    }
  }
  return rankInsights(out);
}

/** By impactMs, then severity (explain.md §3); also for merging the live-database insights in. */
export const rankInsights = (list: Insight[]): Insight[] => [...list].sort((a, b) => b.impactMs - a.impactMs || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);

export type { Insight, Severity } from './types.js';
export { SEVERITY_RANK } from './types.js';
export { createIndexSql } from './scan-rules.js';
