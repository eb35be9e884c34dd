import { fmtCount, fmtKb, fmtPct, num0 } from './format.js';
import type { PlanNode } from './types.js';


/** ASCII badges that carry a node's problem without colour (explain.md §10). */
export function nodeBadges(n: PlanNode): string[] {
  const b: string[] = [];
  const r = n.raw;
  if (r['Sort Space Type'] === 'Disk') b.push(`[DISK ${fmtKb(num0(r['Sort Space Used']))}]`);
  if (num0(r['Disk Usage']) > 0) b.push(`[DISK ${fmtKb(num0(r['Disk Usage']))}]`);
  if (num0(r['Hash Batches']) > 1) b.push(`[BATCHES ${num0(r['Hash Batches'])}]`);
  if (num0(r['HashAgg Batches']) > 1) b.push(`[BATCHES ${num0(r['HashAgg Batches'])}]`);
  if (n.removedShare !== undefined && n.removedShare > 0.5) b.push(`[FILTER ${fmtPct(n.removedShare)}]`);
  if (num0(r['Lossy Heap Blocks']) > 0) b.push('[LOSSY]');
  if (n.heapFetchShare !== undefined && n.heapFetchShare > 0) b.push(`[HEAP FETCH ${fmtPct(Math.min(1, n.heapFetchShare))}]`);
  if (n.loops >= 1000) b.push(`[LOOPS ${fmtCount(n.loops)}]`);
  if (typeof r['Workers Launched'] === 'number' && num0(r['Workers Launched']) < num0(r['Workers Planned'])) b.push(`[WORKERS ${num0(r['Workers Launched'])}/${num0(r['Workers Planned'])}]`);
  const hits = num0(r['Cache Hits']);
  const misses = num0(r['Cache Misses']);
  if (n.nodeType === 'Memoize' && hits + misses > 0) b.push(`[MEMO ${fmtPct(hits / (hits + misses))}]`);
  if (r.Disabled === true) b.push('[DISABLED]');
  return b;
}

/** The section a subplan child opens: "CTE big", "InitPlan 3 → $2", "SubPlan 2 (×10000)". */
export function sectionLabel(n: PlanNode): string | undefined {
  if (!n.subplanName) return undefined;
  const m = /^InitPlan (\d+) \(returns (.+)\)$/.exec(n.subplanName);
  if (m) return `InitPlan ${m[1]} → ${m[2]}`;
  if (n.subplanName.startsWith('SubPlan') && n.loops > 1) return `${n.subplanName} (×${fmtCount(n.loops)})`;
  return n.subplanName;
}
