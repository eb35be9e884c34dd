import type { PlanTree } from './types.js';

export interface RawLines {
  lines: string[];
  /** by node id − 1: the line where the node's object opens and the line where it closes */
  nodeLines: { start: number; end: number }[];
}

const memo = new WeakMap<PlanTree, RawLines>();

/**
 * The plan's JSON as `JSON.stringify(raw, null, 2)` prints it, with the line range of every node,
 * so the Raw view can scroll to the selected node (explain.md §10). Hand-printed because
 * stringify cannot say where an object landed.
 */
export function rawPlanLines(t: PlanTree): RawLines {
  const hit = memo.get(t);
  if (hit) return hit;
  const lines: string[] = [];
  const at = new Map<object, { start: number; end: number }>();
  const print = (v: unknown, indent: string, lead: string, tail: string): void => {
    if (v === null || typeof v !== 'object') {
      lines.push(`${indent}${lead}${JSON.stringify(v) ?? 'null'}${tail}`);
      return;
    }
    const isArr = Array.isArray(v);
    const entries: [string | null, unknown][] = isArr ? (v as unknown[]).map((x) => [null, x]) : Object.entries(v as object).filter(([, x]) => x !== undefined);
    if (!entries.length) {
      lines.push(`${indent}${lead}${isArr ? '[]' : '{}'}${tail}`);
      return;
    }
    const start = lines.length;
    lines.push(`${indent}${lead}${isArr ? '[' : '{'}`);
    entries.forEach(([k, x], i) => print(x, `${indent}  `, k === null ? '' : `${JSON.stringify(k)}: `, i < entries.length - 1 ? ',' : ''));
    lines.push(`${indent}${isArr ? ']' : '}'}${tail}`);
    if (!isArr) at.set(v as object, { start, end: lines.length - 1 });
  };
  print(t.raw, '', '', '');
  const out = { lines, nodeLines: t.nodes.map((n) => at.get(n.raw) ?? { start: 0, end: 0 }) };
  memo.set(t, out);
  return out;
}
