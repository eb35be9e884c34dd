import type { Fingerprinter } from '../fingerprint.js';
import type { Execution, QueryGroup } from '../types.js';

interface Acc {
  group: QueryGroup;
  planCalls: number;
  planMs: number;
  slowestPlanMs: number;
  slowestMs: number;
}

/** Sums executions per statement shape: the key is query_id when logged, else the fingerprint. */
export class GroupCollector {
  private readonly groups = new Map<string, Acc>();

  constructor(private readonly fp: Fingerprinter) {}

  /** The grouping key of an execution (also what the N+1 detector compares). */
  keyOf(e: Execution): { key: string; fingerprint: string; query: string } {
    const shape = this.fp.of(e.sql);
    return { key: e.queryId ? `q${e.queryId}` : shape.fingerprint, ...shape };
  }

  add(e: Execution, fromPlan: boolean, k = this.keyOf(e)): void {
    let acc = this.groups.get(k.key);
    if (!acc) {
      acc = {
        group: { fingerprint: k.fingerprint, query: k.query, calls: 0, totalMs: 0, meanMs: 0, maxMs: 0, source: 'log', ...(e.queryId ? { queryId: e.queryId } : {}) },
        planCalls: 0, planMs: 0, slowestPlanMs: -1, slowestMs: -1,
      };
      this.groups.set(k.key, acc);
    }
    const g = acc.group;
    if (fromPlan) {
      acc.planCalls++;
      acc.planMs += e.durationMs;
      if (e.durationMs > acc.slowestPlanMs) { acc.slowestPlanMs = e.durationMs; g.plan = e.plan; }
      return;
    }
    g.calls++;
    g.totalMs += e.durationMs;
    if (e.durationMs > acc.slowestMs) {
      acc.slowestMs = e.durationMs;
      g.maxMs = e.durationMs;
      g.example = e.sql.length > 2000 ? e.sql.slice(0, 2000) : e.sql;
    }
  }

  /** The groups; statements seen only through auto_explain count those executions. */
  result(): QueryGroup[] {
    return [...this.groups.values()].map(({ group: g, planCalls, planMs, slowestPlanMs }) => {
      if (g.calls === 0) {
        g.calls = planCalls;
        g.totalMs = planMs;
        g.maxMs = slowestPlanMs;
      }
      g.meanMs = g.calls ? g.totalMs / g.calls : 0;
      return g;
    });
  }
}
