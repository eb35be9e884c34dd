import { fmtCount, fmtMs, type PlanTree } from '../../core/explain/index.js';
import { seg, type Line } from '../browser/lines.js';
import type { WorkbenchCompare } from './workbench-state.js';

const pct = (before: number, after: number) => (before > 0 ? `${after <= before ? '−' : '+'}${Math.abs(Math.round((1 - after / before) * 100))}%` : '');
const total = (t: PlanTree, by: 'cost' | 'time') => (by === 'cost' ? t.root.totalCost : t.executionTimeMs ?? t.root.inclusiveMs);
const show = (v: number, by: 'cost' | 'time') => (by === 'cost' ? fmtCount(Math.round(v)) : fmtMs(v));

/** Before/after of two plans of one statement: totals, then each node of the new plan beside the old one of the same label. */
export function compareLines(c: WorkbenchCompare): Line[] {
  const b = total(c.before, c.by);
  const a = total(c.after, c.by);
  const out: Line[] = [
    [seg('Before → after', 'title', true), seg(`  ${c.by === 'cost' ? 'estimated cost' : 'execution'} ${show(b, c.by)} → ${show(a, c.by)} `), seg(pct(b, a), a < b ? 'ok' : 'danger', true)],
    [seg(c.title, 'accent')],
  ];
  const width = Math.max(...[...c.after.nodes, ...c.before.nodes].map((n) => n.depth * 2 + n.label.length), 10);
  const value = (t: PlanTree, id: number) => {
    const n = t.nodes[id - 1]!;
    return c.by === 'cost' ? n.totalCost : n.exclusiveMs;
  };
  out.push([seg(`${'before'.padEnd(width)}  ${c.by === 'cost' ? 'cost' : 'excl ms'}`, 'muted')]);
  for (const n of c.before.nodes) out.push([seg(`${'  '.repeat(n.depth)}${n.label}`.padEnd(width + 2)), seg(show(value(c.before, n.id), c.by), 'muted')]);
  out.push([seg(`${'after'.padEnd(width)}  ${c.by === 'cost' ? 'cost' : 'excl ms'}`, 'muted')]);
  for (const n of c.after.nodes) {
    const old = c.before.nodes.find((x) => x.label === n.label);
    const v = value(c.after, n.id);
    out.push([seg(`${'  '.repeat(n.depth)}${n.label}`.padEnd(width + 2), old ? undefined : 'ok'), seg(show(v, c.by)), seg(old ? `  (${pct(value(c.before, old.id), v)})` : '  new', 'muted')]);
  }
  for (const note of c.notes) out.push([seg(note, 'muted')]);
  if (c.keep) out.push([seg('keep it: ', 'muted'), seg(c.keep, 'accent'), seg('  (y copies)', 'muted')]);
  return out;
}
