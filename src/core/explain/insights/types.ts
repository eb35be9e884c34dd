import type { PlanNode, PlanTree } from '../types.js';

export type Severity = 'info' | 'warn' | 'high' | 'crit';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, high: 2, crit: 3 };

/** One ranked finding about a plan (explain.md §3): where, how much time it could save, what to do. */
export interface Insight {
  id: string;
  /** null for plan-wide insights (planning, JIT, triggers, settings) */
  nodeId: number | null;
  severity: Severity;
  impactMs: number;
  message: string;
  action: string;
  sql?: string;
  /** candidate index columns for what-if, by relation */
  index?: { schema?: string; table: string; columns: string[] };
}

export type Draft = Omit<Insight, 'id' | 'nodeId'>;

export interface NodeRule {
  id: string;
  check(n: PlanNode, tree: PlanTree): Draft | undefined;
}

export interface PlanRule {
  id: string;
  check(tree: PlanTree): Draft | undefined;
}

export const bySeverity = (value: number, levels: [number, Severity][]): Severity | undefined => {
  let s: Severity | undefined;
  for (const [min, sev] of levels) if (value > min) s = sev;
  return s;
};
