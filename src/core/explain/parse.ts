import { buildTree } from './build-tree.js';
import { parseJsonPlan } from './parse-json.js';
import { parseTextPlan } from './parse-text.js';
import type { PlanTree } from './types.js';

/** JSON or text, judged from the first character that is not framing. */
export function looksLikeJson(text: string): boolean {
  const body = text.replace(/^\s*QUERY PLAN\s*\n[-─+\s]*\n/, '').trimStart();
  return body.startsWith('[') || body.startsWith('{');
}

/** Any EXPLAIN output (JSON or text, PG 13–18) → one analysed PlanTree. */
export function parsePlan(text: string, source = 'the plan'): PlanTree {
  return buildTree(looksLikeJson(text) ? parseJsonPlan(text, source) : parseTextPlan(text, source));
}
