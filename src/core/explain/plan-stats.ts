import { fmtCount, fmtMs, fmtPct } from './format.js';
import type { PlanNode, PlanTree } from './types.js';

export interface StatRow {
  key: string;
  /** Σ exclusive time (ms), or Σ exclusive cost for a plan without ANALYZE */
  value: number;
  /** of the execution time (as timeShare), or of the plan's total cost */
  share: number;
  nodes: number;
}

export interface PlanStats {
  unit: 'ms' | 'cost';
  byTable: StatRow[];
  byNodeType: StatRow[];
  byIndex: StatRow[];
  byFunction: StatRow[];
}

const AGG_NAMES: Record<string, string> = { Sorted: 'GroupAggregate', Hashed: 'HashAggregate', Mixed: 'MixedAggregate' };

/** "Parallel Seq Scan", "HashAggregate": the node type as a reader groups it, not the bare JSON type. */
function typeKey(n: PlanNode): string {
  const r = n.raw;
  const parallel = r['Parallel Aware'] === true ? 'Parallel ' : '';
  // the names psql prints: GroupAggregate, HashAggregate, MixedAggregate
  const agg = n.nodeType === 'Aggregate' ? AGG_NAMES[String(r.Strategy)] : undefined;
  const op = n.nodeType === 'ModifyTable' && typeof r.Operation === 'string' ? ` (${r.Operation})` : '';
  return `${parallel}${agg ?? n.nodeType}${op}`;
}

function group(nodes: PlanNode[], key: (n: PlanNode) => string | undefined, value: (n: PlanNode) => number, total: number): StatRow[] {
  const m = new Map<string, StatRow>();
  for (const n of nodes) {
    const k = key(n);
    if (!k) continue;
    const row = m.get(k) ?? { key: k, value: 0, share: 0, nodes: 0 };
    row.value += value(n);
    row.nodes++;
    m.set(k, row);
  }
  for (const r of m.values()) r.share = total > 0 ? r.value / total : 0;
  return [...m.values()].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/**
 * Σ exclusive time by table, node type, index and function (explain.md §10 Stats view). Exclusive
 * times already carry the loop, worker, CTE and InitPlan corrections, so the groups add up to the
 * plan's Σ exclusive time; estimate-only plans are grouped by exclusive cost instead.
 */
export function planStats(t: PlanTree): PlanStats {
  const timed = t.analyzed;
  const value = (n: PlanNode) => (timed ? n.exclusiveMs : n.exclusiveCost);
  const total = timed ? (t.executionTimeMs ?? t.root.inclusiveMs) : t.maxTotalCost;
  const rel = (n: PlanNode) => (n.relation ? (n.schema ? `${n.schema}.${n.relation}` : n.relation) : undefined);
  const fn = (n: PlanNode) => (typeof n.raw['Function Name'] === 'string' ? (n.raw['Function Name'] as string) : undefined);
  return {
    unit: timed ? 'ms' : 'cost',
    byTable: group(t.nodes, rel, value, total),
    byNodeType: group(t.nodes, typeKey, value, total),
    byIndex: group(t.nodes, (n) => n.index, value, total),
    byFunction: group(t.nodes, fn, value, total),
  };
}

const STAT_GROUPS: [keyof Omit<PlanStats, 'unit'>, string][] = [['byTable', 'table'], ['byNodeType', 'node type'], ['byIndex', 'index'], ['byFunction', 'function']];

const fmtValue = (v: number, unit: PlanStats['unit']) => (unit === 'ms' ? fmtMs(v) : fmtCount(Math.round(v)));

/** The Stats section as plain lines (CLI text, TUI view): one block per group that has rows. */
export function statsLines(s: PlanStats): { group: string; text: string; share?: number }[] {
  const out: { group: string; text: string; share?: number }[] = [];
  for (const [k, title] of STAT_GROUPS) {
    const rows = s[k];
    if (!rows.length) continue;
    const w = Math.min(48, Math.max(title.length, ...rows.map((r) => [...r.key].length)));
    out.push({ group: title, text: `${title.padEnd(w)}  ${(s.unit === 'ms' ? 'Σ excl' : 'Σ cost').padStart(9)}  share  nodes` });
    for (const r of rows) out.push({ group: title, share: r.share, text: `${r.key.padEnd(w)}  ${fmtValue(r.value, s.unit).padStart(9)}  ${fmtPct(r.share).padStart(5)}  ${String(r.nodes).padStart(5)}` });
  }
  return out;
}

export function renderStatsText(s: PlanStats): string {
  const lines = statsLines(s);
  const out = ['', `Stats (exclusive ${s.unit === 'ms' ? 'time' : 'cost'}, summed)`];
  let last = '';
  for (const l of lines) {
    if (l.group !== last && last) out.push('');
    last = l.group;
    out.push(`  ${l.text}`);
  }
  return out.join('\n') + '\n';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `--format json --stats`: the groups with rounded values. */
export function statsJson(s: PlanStats): Record<string, unknown> {
  const rows = (r: StatRow[]) => r.map((x) => ({ key: x.key, [s.unit === 'ms' ? 'exclusiveMs' : 'exclusiveCost']: round(x.value), share: round(x.share), nodes: x.nodes }));
  return { unit: s.unit, byTable: rows(s.byTable), byNodeType: rows(s.byNodeType), byIndex: rows(s.byIndex), byFunction: rows(s.byFunction) };
}
