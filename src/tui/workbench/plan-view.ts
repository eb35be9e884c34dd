import { bar, estText, fmtCount, fmtMs, nodeWorkers, workerSkew, type PlanNode, type PlanTree } from '../../core/explain/index.js';
import { nodeBadges, sectionLabel } from '../../core/explain/badges.js';
import { num0 } from '../../core/explain/format.js';
import { treePrefixes } from '../../core/explain/render-text.js';
import { seg, type Line } from '../browser/lines.js';
import type { ThemeToken } from '../theme/theme.js';
import type { BarMetric } from './workbench-state.js';

/** Nodes shown with folded subtrees left out, in pre-order. */
export function visibleNodes(tree: PlanTree, collapsed: Record<number, true>): PlanNode[] {
  const out: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    out.push(n);
    if (!collapsed[n.id]) n.children.forEach(walk);
  };
  walk(tree.root);
  return out;
}


/** The bar metric's share of the plan-wide maximum (explain.md §10: t r c b e). */
function metricShare(n: PlanNode, t: PlanTree, m: BarMetric, max: Map<BarMetric, number>): number {
  const value = (x: PlanNode): number => {
    switch (m) {
      case 'time': return t.analyzed ? x.exclusiveMs : x.exclusiveCost;
      case 'rows': return t.analyzed ? x.actualRowsTotal : x.planRows;
      case 'cost': return x.exclusiveCost;
      case 'buffers': return num0(x.exclusiveBuffers['Shared Hit Blocks']) + num0(x.exclusiveBuffers['Shared Read Blocks']);
      case 'estimate': return Number.isFinite(x.estFactor) ? Math.log10(x.estFactor) : 4;
    }
  };
  if (!max.has(m)) max.set(m, Math.max(1e-9, ...t.nodes.map(value)));
  return value(n) / max.get(m)!;
}

/** Heat of a share: 10 / 40 / 90 % (depesz, pev2). */
export const heat = (share: number): ThemeToken | undefined => (share > 0.9 ? 'danger' : share > 0.4 ? 'warn' : share > 0.1 ? 'accent' : undefined);

export const PLAN_HEADER = '  #   excl ms    %  bar       rows    est  node';

/** One styled line per visible node: heat-coloured exclusive time, the bar, estimate, tree guides, badges. */
export function planLines(t: PlanTree, nodes: PlanNode[], metric: BarMetric, collapsed: Record<number, true>): Line[] {
  const pre = treePrefixes(t);
  const max = new Map<BarMetric, number>();
  return nodes.map((n) => {
    const share = t.analyzed ? n.timeShare : t.maxTotalCost ? n.exclusiveCost / t.maxTotalCost : 0;
    const tone = heat(share);
    const tilde = n.approximate ? '~' : ' ';
    const time = t.analyzed ? `${tilde}${n.exclusiveMs.toFixed(1)}` : fmtCount(Math.round(n.exclusiveCost));
    const est = estText(n);
    const section = sectionLabel(n);
    const fold = collapsed[n.id] ? '▸ ' : '';
    const badges = nodeBadges(n);
    const line: Line = [
      seg(String(n.id).padStart(3), 'muted'),
      seg(` ${time.padStart(9)} ${`${Math.round(share * 100)}%`.padStart(4)} `, tone, tone === 'danger'),
      seg(bar(metricShare(n, t, metric, max), 6), 'bar'),
      seg(` ${fmtCount(t.analyzed ? n.actualRowsTotal : n.planRows).padStart(7)} ${est.padStart(6)} `, n.estFactor > 100 ? 'danger' : n.estFactor > 10 ? 'warn' : undefined),
      seg(pre[n.id - 1]!, 'muted'),
    ];
    if (section) line.push(seg(`[${section}] `, 'accent'));
    line.push(seg(`${fold}${n.label}`, n.neverExecuted ? 'muted' : undefined, share > 0.4));
    if (badges.length) line.push(seg(` ${badges.join(' ')}`, 'warn'));
    return line;
  });
}

/** The node detail panel: raw fields grouped, derived metrics with how they were computed. */
export function nodeDetail(n: PlanNode, t: PlanTree): Line[] {
  const r = n.raw;
  const out: Line[] = [[seg(`Node ${n.id} · ${n.label}`, 'title', true)]];
  const kv = (k: string, v: string) => out.push([seg(`${k.padEnd(14)}`, 'muted'), seg(v)]);
  if (t.analyzed) {
    kv('exclusive', `${n.approximate ? '~' : ''}${fmtMs(n.exclusiveMs)} (${Math.round(n.timeShare * 100)}% of ${t.executionTimeMs !== undefined ? 'execution' : 'the root'})`);
    kv('inclusive', `${fmtMs(n.inclusiveMs)} = ${num0(r['Actual Total Time'])} ms × ${n.loops} loops${n.workers ? ` ÷ ${n.workers + 1} processes` : ''}`);
    kv('rows', `${fmtCount(n.actualRowsTotal)} actual, ${fmtCount(n.planRowsTotal)} estimated (${estText(n) || '—'})`);
    if (n.removedShare !== undefined) kv('removed', `${fmtCount((n.removedByFilterTotal ?? 0) + (n.removedByJoinFilterTotal ?? 0))} rows (${Math.round(n.removedShare * 100)}%)`);
  }
  kv('cost', `${num0(r['Startup Cost'])}..${n.totalCost} (exclusive ${fmtCount(Math.round(n.exclusiveCost))})`);
  const b = n.exclusiveBuffers;
  if (Object.keys(b).length) kv('buffers', `hit ${fmtCount(num0(b['Shared Hit Blocks']))} read ${fmtCount(num0(b['Shared Read Blocks']))} temp ${fmtCount(num0(b['Temp Read Blocks']))}/${fmtCount(num0(b['Temp Written Blocks']))} (exclusive)`);
  for (const k of ['Filter', 'Index Cond', 'Recheck Cond', 'Hash Cond', 'Merge Cond', 'Join Filter', 'Sort Key', 'Group Key', 'Sort Method', 'Cache Key']) {
    const v = r[k];
    if (v !== undefined) kv(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v));
  }
  out.push(...workerTable(n));
  return out;
}

/** Per-worker rows and time of a parallel node (VERBOSE), with the leader's share of the rows. */
function workerTable(n: PlanNode): Line[] {
  const ws = nodeWorkers(n);
  if (!ws.length) return [];
  const skew = workerSkew(n);
  const out: Line[] = [[seg(`workers${skew ? ` · uneven by ${skew.by}` : ''}`, skew ? 'warn' : 'muted', true)], [seg('  worker      rows    time ms  loops  hit/read', 'muted')]];
  for (const w of ws) {
    const hot = skew && (w === skew.high || w === skew.low);
    out.push([seg(`  ${String(w.worker).padStart(6)} ${fmtCount(w.rows).padStart(9)} ${(w.timeMs === undefined ? '—' : w.timeMs.toFixed(1)).padStart(10)} ${String(w.loops).padStart(6)}  ${fmtCount(w.sharedHit ?? 0)}/${fmtCount(w.sharedRead ?? 0)}`, hot ? 'warn' : undefined)]);
  }
  const leader = Math.max(0, n.actualRowsTotal - ws.reduce((a, w) => a + w.rows, 0));
  out.push([seg(`  leader ${fmtCount(leader).padStart(9)}`, 'muted')]);
  return out;
}
