import { parsePlan, planInsights, type PlanTree } from '../explain/index.js';
import type { SlowQuery } from './types.js';

type PlanInsight = NonNullable<SlowQuery['plan']>['insights'][number];

/**
 * The EXPLAIN core's insights on a plan (a generic plan we asked for, or an auto_explain plan from
 * the log), most impactful first; a plan the parser does not take gives none rather than failing.
 */
export function insightsOf(plan: unknown, max = 3): PlanInsight[] {
  try {
    const tree = typeof plan === 'string' || !('root' in (plan as object)) ? parsePlan(typeof plan === 'string' ? plan : JSON.stringify(plan), 'the plan') : (plan as PlanTree);
    return planInsights(tree).filter((i) => i.id !== 'never-executed').slice(0, max)
      .map((i) => ({ id: i.id, severity: i.severity, message: i.message, action: i.action, ...(i.sql ? { sql: i.sql } : {}) }));
  } catch {
    return [];
  }
}

/** A logged auto_explain plan as the report's plan entry (no database needed). */
export function loggedPlan(text: string): SlowQuery['plan'] | undefined {
  try {
    const tree = parsePlan(text, 'the logged plan');
    return { totalCost: tree.maxTotalCost, summary: tree.nodes.slice(0, 6).map((n) => n.label), insights: insightsOf(tree) };
  } catch {
    return undefined;
  }
}
