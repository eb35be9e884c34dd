import { num0 } from './format.js';
import type { PlanNode } from './types.js';

/** One entry of a node's `Workers` array (VERBOSE), rows and time as totals over its loops. */
export interface WorkerStat {
  worker: number;
  /** Actual Total Time × loops; undefined with TIMING OFF */
  timeMs?: number;
  rows: number;
  loops: number;
  sharedHit?: number;
  sharedRead?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function nodeWorkers(n: PlanNode): WorkerStat[] {
  const list = n.raw.Workers;
  if (!Array.isArray(list)) return [];
  return list.filter((w): w is Record<string, unknown> => !!w && typeof w === 'object' && num((w as Record<string, unknown>)['Actual Loops']) !== undefined).map((w, i) => {
    const loops = num0(w['Actual Loops']);
    const t = num(w['Actual Total Time']);
    return {
      worker: num(w['Worker Number']) ?? i, loops, rows: num0(w['Actual Rows']) * loops, timeMs: t === undefined ? undefined : t * loops,
      sharedHit: num(w['Shared Hit Blocks']), sharedRead: num(w['Shared Read Blocks']),
    };
  });
}

/** max ÷ min; Infinity when one side did nothing and another did something. */
const spread = (xs: number[]): number => {
  const max = Math.max(...xs);
  const min = Math.min(...xs);
  return max === min ? 1 : min <= 0 ? Infinity : max / min;
};

export interface WorkerSkew {
  by: 'rows' | 'time';
  ratio: number;
  low: WorkerStat;
  high: WorkerStat;
  /** the slowest worker's time minus the workers' mean */
  excessMs: number;
  /** rows the leader produced itself: the node's total minus the workers' */
  leaderRows: number;
}

/** Per-worker rows (or else time) further apart than `limit` (explain.md §3 #37); undefined when even. */
export function workerSkew(n: PlanNode, limit = 2): WorkerSkew | undefined {
  const ws = nodeWorkers(n);
  if (ws.length < 2) return undefined;
  const timed = ws.every((w) => w.timeMs !== undefined);
  const byRows = spread(ws.map((w) => w.rows));
  const byTime = timed ? spread(ws.map((w) => w.timeMs!)) : 1;
  const by = byRows > limit ? 'rows' : byTime > limit ? 'time' : undefined;
  if (!by) return undefined;
  const key = (w: WorkerStat) => (by === 'rows' ? w.rows : w.timeMs!);
  const sorted = [...ws].sort((a, b) => key(a) - key(b));
  const times = timed ? ws.map((w) => w.timeMs!) : [];
  const excessMs = timed ? Math.max(...times) - times.reduce((s, x) => s + x, 0) / times.length : 0;
  return { by, ratio: by === 'rows' ? byRows : byTime, low: sorted[0]!, high: sorted.at(-1)!, excessMs, leaderRows: Math.max(0, n.actualRowsTotal - ws.reduce((s, w) => s + w.rows, 0)) };
}
