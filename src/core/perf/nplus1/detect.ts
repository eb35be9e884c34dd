import type { Execution } from '../types.js';

/** When repeated executions count as an N+1 burst (explain.md §8.4; Sentry's defaults). */
export interface NPlusOneThresholds {
  /** at least this many back-to-back executions of one statement … */
  minExecutions: number;
  /** … taking at least this long together … */
  minTotalMs: number;
  /** … or at least this many, however fast */
  minExecutionsAlone: number;
  /** largest pause between two executions of a burst */
  maxGapMs: number;
  /** other statements that may interleave without ending the burst */
  maxInterleaved: number;
}

export const DEFAULT_NPLUSONE: NPlusOneThresholds = { minExecutions: 5, minTotalMs: 50, minExecutionsAlone: 20, maxGapMs: 10, maxInterleaved: 2 };

export interface Keyed {
  key: string;
  fingerprint: string;
  query: string;
}

export interface Burst {
  session: string;
  repeated: Keyed;
  /** the statement run before the burst (the "1"); undefined at the start of a session */
  source?: Keyed;
  executions: number;
  totalMs: number;
  params: string[];
  at: number;
}

interface Run {
  k: Keyed;
  source?: Keyed;
  count: number;
  totalMs: number;
  lastAt: number;
  params: string[];
  /** other statements seen since the last execution of the run */
  interleaved: { e: Execution; k: Keyed }[];
}

interface SessionState {
  run?: Run;
}

const MAX_PARAMS = 5;

const fresh = (e: Execution, k: Keyed, source: Keyed | undefined): Run =>
  ({ k, source, count: 1, totalMs: e.durationMs, lastAt: e.at, params: e.params ? [e.params] : [], interleaved: [] });

/** Finds N+1 bursts per session while the log streams by; memory is one small state per session. */
export class NPlusOneDetector {
  private readonly sessions = new Map<string, SessionState>();

  constructor(private readonly t: NPlusOneThresholds, private readonly onBurst: (b: Burst) => void) {}

  push(e: Execution, k: Keyed): void {
    let s = this.sessions.get(e.session);
    if (!s) {
      s = {};
      this.sessions.set(e.session, s);
    }
    this.step(e.session, s, e, k);
  }

  private step(session: string, s: SessionState, e: Execution, k: Keyed): void {
    const run = s.run;
    if (!run) {
      s.run = fresh(e, k, undefined);
      return;
    }
    if (e.at - run.lastAt - e.durationMs <= this.t.maxGapMs) {
      if (k.key === run.k.key) {
        run.count++;
        run.totalMs += e.durationMs;
        run.lastAt = e.at;
        run.interleaved = [];
        if (e.params && run.params.length < MAX_PARAMS) run.params.push(e.params);
        return;
      }
      // the statement that triggered the burst running again starts the next burst (a new page, a new parent)
      if (run.interleaved.length < this.t.maxInterleaved && k.key !== run.source?.key) {
        run.interleaved.push({ e, k });
        return;
      }
    }
    this.close(session, run);
    // what was held back as interleaved may be the start of the next burst: replay it
    s.run = undefined;
    for (const x of [...run.interleaved, { e, k }]) {
      if (s.run) this.step(session, s, x.e, x.k);
      else s.run = fresh(x.e, x.k, x.k.key === run.k.key ? undefined : run.k);
    }
  }

  private close(session: string, run: Run): void {
    const t = this.t;
    if (run.count < t.minExecutions || (run.totalMs < t.minTotalMs && run.count < t.minExecutionsAlone)) return;
    this.onBurst({ session, repeated: run.k, source: run.source, executions: run.count, totalMs: run.totalMs, params: run.params, at: run.lastAt });
  }

  end(): void {
    for (const [session, s] of this.sessions) if (s.run) this.close(session, s.run);
    this.sessions.clear();
  }
}
