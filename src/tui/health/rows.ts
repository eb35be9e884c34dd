import type { ActiveQuery, BlockingLock, IndexAdvice, NPlusOne } from '../../core/perf/types.js';
import type { HealthDashboard, HealthState } from './health-state.js';

/** The dashboard's selectable rows: running statements, longest first (the cancel key acts on one). */
export const dashboardRows = (d: HealthDashboard): ActiveQuery[] => d.activity?.active ?? [];

export type AdviceRow = { kind: 'index'; item: IndexAdvice } | { kind: 'nplus1'; item: NPlusOne };

export const adviceRows = (a: NonNullable<HealthState['advice']>): AdviceRow[] => [
  ...a.index.map((item) => ({ kind: 'index' as const, item })),
  ...a.nPlusOne.map((item) => ({ kind: 'nplus1' as const, item })),
];

const BLOCKS = '▁▂▃▄▅▆▇█';

/** Eighth-block sparkline of the samples, scaled between their min and max (flat → lowest bar). */
export function sparkline(samples: number[], width: number): string {
  const s = samples.slice(-width);
  if (!s.length) return '';
  const min = Math.min(...s);
  const span = Math.max(...s) - min;
  return s.map((v) => BLOCKS[span ? Math.min(7, Math.floor(((v - min) / span) * 7.999)) : 0]).join('');
}

/**
 * Who blocks whom as a tree: each blocker that is not itself blocked is a root, the sessions
 * waiting on it below, indented; a cycle (deadlock about to be detected) is cut where it repeats.
 */
export function lockTree(blocked: BlockingLock[]): string[] {
  const waiting = new Map<number, BlockingLock[]>();
  for (const b of blocked) for (const by of b.blockedBy) waiting.set(by, [...(waiting.get(by) ?? []), b]);
  const isBlocked = new Set(blocked.map((b) => b.pid));
  const roots = [...waiting.keys()].filter((pid) => !isBlocked.has(pid));
  if (!roots.length && blocked.length) roots.push(blocked[0]!.blockedBy[0]!);
  const out: string[] = [];
  const seen = new Set<number>();
  const walk = (pid: number, depth: number) => {
    for (const b of waiting.get(pid) ?? []) {
      if (seen.has(b.pid)) continue;
      seen.add(b.pid);
      out.push(`${'  '.repeat(depth)}└─ pid ${b.pid} waits ${b.seconds.toFixed(0)} s${b.mode ? ` for ${b.mode}` : ''}${b.relation ? ` on ${b.relation}` : ''}: ${b.query.replace(/\s+/g, ' ')}`);
      walk(b.pid, depth + 1);
    }
  };
  for (const r of roots) {
    out.push(`pid ${r} blocks`);
    walk(r, 1);
  }
  return out;
}
