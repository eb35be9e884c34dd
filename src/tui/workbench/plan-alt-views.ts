import { planStats, rawPlanLines, statsLines, type PlanTree } from '../../core/explain/index.js';
import { seg, type Line } from '../browser/lines.js';
import { heat } from './plan-view.js';

const statsMemo = new WeakMap<PlanTree, Line[]>();

/** The Stats view: Σ exclusive time (or cost) by table, node type, index and function, heat-coloured by share. */
export function statsViewLines(t: PlanTree): Line[] {
  const hit = statsMemo.get(t);
  if (hit) return hit;
  const out: Line[] = [];
  let last = '';
  for (const l of statsLines(planStats(t))) {
    const head = l.group !== last;
    if (head && last) out.push([]);
    last = l.group;
    const tone = l.share === undefined ? 'muted' : heat(l.share);
    out.push([seg(l.text, tone, head || tone === 'danger')]);
  }
  statsMemo.set(t, out);
  return out;
}

/** The Raw view's window: the plan JSON from just above the selected node, its own lines marked. */
export function rawViewWindow(t: PlanTree, node: number, rows: number): Line[] {
  const r = rawPlanLines(t);
  const at = r.nodeLines[node - 1] ?? { start: 0, end: 0 };
  const start = Math.max(0, Math.min(at.start - 1, r.lines.length - rows));
  return r.lines.slice(start, start + rows).map((text, i) => {
    const n = start + i;
    return [seg(text, n >= at.start && n <= at.end ? 'accent' : 'muted', n === at.start)];
  });
}
