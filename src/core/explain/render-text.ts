import { nodeBadges, sectionLabel } from './badges.js';
import { fmtCount, fmtFactor, fmtMs, fmtPct } from './format.js';
import type { Insight } from './insights/index.js';
import type { PlanNode, PlanTree } from './types.js';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/** A bar of `width` cells for share 0..1, in eighth blocks. */
export function bar(share: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  return ('█'.repeat(Math.floor(eighths / 8)) + BLOCKS[eighths % 8]).padEnd(width);
}

/** `↓4.1×` (under-estimated: more rows than planned), `↑39×`, `=` */
export function estText(n: PlanNode): string {
  if (!n.analyzed || n.neverExecuted) return '';
  if (n.estDirection === 'exact' || n.estFactor < 1.05) return '=';
  return `${n.estDirection === 'under' ? '↓' : '↑'}${fmtFactor(n.estFactor)}×`;
}

/** Tree guides per node: `├─ `, `└─ ` under the parent's `│  ` columns. */
export function treePrefixes(tree: PlanTree): string[] {
  const out: string[] = new Array(tree.nodes.length);
  const walk = (n: PlanNode, lead: string, last: boolean, root: boolean) => {
    out[n.id - 1] = root ? '' : `${lead}${last ? '└─ ' : '├─ '}`;
    const next = root ? '' : `${lead}${last ? '   ' : '│  '}`;
    n.children.forEach((c, i) => walk(c, next, i === n.children.length - 1, false));
  };
  walk(tree.root, '', true, true);
  return out;
}

export function headerLine(t: PlanTree): string {
  const parts: string[] = [];
  if (t.executionTimeMs !== undefined) parts.push(`Execution ${fmtMs(t.executionTimeMs)}`);
  else parts.push(t.analyzed ? 'Execution —' : 'estimate only (no ANALYZE)');
  if (t.planningTimeMs !== undefined) parts.push(`Planning ${fmtMs(t.planningTimeMs)}${t.executionTimeMs ? ` (${fmtPct(t.planningTimeMs / (t.planningTimeMs + t.executionTimeMs))})` : ''}`);
  parts.push(t.jitMs !== undefined ? `JIT ${fmtMs(t.jitMs)}` : 'JIT —');
  const trig = t.triggers.reduce((s, x) => s + x.timeMs, 0);
  parts.push(t.triggers.length ? `Triggers ${fmtMs(trig)}` : 'Triggers —');
  if (t.analyzed) parts.push(`rows ${fmtCount(t.root.actualRowsTotal)}`);
  const s = Object.entries(t.settings);
  if (s.length) parts.push(`Settings: ${s.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return parts.join(' · ');
}

export interface NodeRow { node: PlanNode; section?: string; cells: string[] }

/** One row per node (plus section lines), the columns depesz's table has. */
export function nodeRows(t: PlanTree): NodeRow[] {
  const pre = treePrefixes(t);
  return t.nodes.map((n) => {
    const tilde = n.approximate ? '~' : '';
    const cells = t.analyzed
      ? [String(n.id), `${tilde}${n.exclusiveMs.toFixed(1)}`, fmtPct(n.timeShare), bar(n.timeShare, 6), `${tilde}${n.inclusiveMs.toFixed(1)}`, `${fmtCount(n.actualRowsTotal)}/${fmtCount(n.planRowsTotal)}`, estText(n), fmtCount(n.loops)]
      : [String(n.id), fmtCount(Math.round(n.exclusiveCost)), fmtPct(t.maxTotalCost ? n.exclusiveCost / t.maxTotalCost : 0), bar(t.maxTotalCost ? n.exclusiveCost / t.maxTotalCost : 0, 6), fmtCount(Math.round(n.totalCost)), fmtCount(n.planRows), '', ''];
    const section = sectionLabel(n);
    cells.push(`${pre[n.id - 1]}${section ? `[${section}] ` : ''}${n.label}${n.neverExecuted ? ' (never executed)' : ''}${nodeBadges(n).map((b) => ` ${b}`).join('')}`);
    return { node: n, section, cells };
  });
}

export const COLUMNS_ANALYZED = ['#', 'excl ms', '%', '', 'incl ms', 'rows/est', 'est', 'loops', 'node'];
export const COLUMNS_COST = ['#', 'excl cost', '%', '', 'cost', 'rows', '', '', 'node'];

function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : i === 3 || i === 6 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

/** The CLI's text output: header, tree table, ranked insights with their SQL. */
export function renderPlanText(t: PlanTree, insights: Insight[], notes: string[] = []): string {
  const out = [headerLine(t), ''];
  out.push(...table(t.analyzed ? COLUMNS_ANALYZED : COLUMNS_COST, nodeRows(t).map((r) => r.cells)));
  if (t.overheadMs !== undefined && t.triggers.length) out.push('', `Triggers (outside the node times): ${t.triggers.map((x) => `${x.name} ${fmtMs(x.timeMs)} × ${x.calls}`).join(', ')}`);
  for (const n of [...t.notes, ...notes]) out.push(`note: ${n}`);
  out.push('', insights.length ? `Insights (ranked by time saved)` : 'No insights: nothing in this plan stands out.');
  insights.forEach((x, i) => {
    out.push(`${String(i + 1).padStart(3)}. ${x.severity.padEnd(4)} ${fmtMs(x.impactMs).padStart(9)}  ${x.nodeId ? `#${x.nodeId} ` : ''}${x.id}: ${x.message}`);
    out.push(`       → ${x.action}`);
    if (x.sql && !x.action.includes(x.sql)) out.push(`         ${x.sql}`);
  });
  return out.join('\n') + '\n';
}
