import type { Execution } from '../types.js';
import type { LogRecord } from './records.js';

const KINDS = new Set(['statement', 'execute', 'parse', 'bind', 'plan']);

/** `duration: 1.2 ms  execute <unnamed>: SELECT …` → its parts (by hand: a regex over every message is the parse's hot spot). */
function durationMessage(msg: string): { ms: number; kind: string; body: string } | undefined {
  if (!msg.startsWith('duration: ')) return undefined;
  const unit = msg.indexOf(' ms  ', 10);
  if (unit < 0) return undefined;
  const rest = unit + 5;
  const colon = msg.indexOf(':', rest);
  if (colon < 0) return undefined;
  const space = msg.indexOf(' ', rest);
  const kind = msg.slice(rest, space >= 0 && space < colon ? space : colon);
  if (!KINDS.has(kind)) return undefined;
  const start = msg.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
  return { ms: Number(msg.slice(10, unit)), kind, body: msg.slice(start) };
}
const PARAMS = /^parameters: ([\s\S]*)$/;

/** The query text of an auto_explain message (text or JSON format) and the plan itself. */
export function splitAutoExplain(body: string): { sql?: string; plan: string } {
  const t = body.trim();
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t) as { 'Query Text'?: string };
      return { sql: o['Query Text'], plan: t };
    } catch {
      return { plan: t };
    }
  }
  const m = /Query Text:\s?([\s\S]*?)\n(\s*(?:->\s*)?[A-Z][\w ]*?(?: on .*?| using .*?)?\s+\((?:cost|actual)[\s\S]*)$/.exec(t);
  if (m) return { sql: m[1]!.trim(), plan: m[2]! };
  const q = /Query Text:\s?([\s\S]*)$/.exec(t);
  return { sql: q?.[1]?.trim(), plan: t };
}

interface Pending {
  exec?: Execution;
  /** parse and bind durations waiting for their execute */
  preMs: number;
}

/**
 * Turns log records into completed executions: `statement:` and `execute` lines count once (parse and
 * bind only add their time), DETAIL parameters attach to the execution before them, auto_explain
 * plans attach to the statement they explain. Executions come out per session in log order.
 */
export class ExecutionAssembler {
  private readonly sessions = new Map<string, Pending>();
  executions = 0;

  constructor(private readonly emit: (e: Execution, fromPlan: boolean) => void) {}

  push(r: LogRecord): void {
    let p = this.sessions.get(r.session);
    if (r.severity === 'DETAIL') {
      const params = PARAMS.exec(r.message);
      if (params && p?.exec && !p.exec.params) p.exec.params = params[1]!;
      return;
    }
    if (r.severity !== 'LOG') return;
    const m = durationMessage(r.message);
    if (!m) return;
    if (!p) {
      p = { preMs: 0 };
      this.sessions.set(r.session, p);
    }
    const { ms, kind } = m;
    if (kind === 'parse' || kind === 'bind') {
      p.preMs += ms;
      return;
    }
    this.flush(p);
    if (kind === 'plan') {
      const { sql, plan } = splitAutoExplain(m.body);
      if (sql) this.emit({ at: r.at, session: r.session, sql, durationMs: ms, plan, ...(r.queryId ? { queryId: r.queryId } : {}) }, true);
      return;
    }
    p.exec = { at: r.at, session: r.session, sql: m.body, durationMs: ms + p.preMs, ...(r.queryId ? { queryId: r.queryId } : {}) };
    p.preMs = 0;
    const params = r.detail && PARAMS.exec(r.detail);
    if (params) p.exec.params = params[1]!;
  }

  private flush(p: Pending): void {
    if (!p.exec) return;
    const e = p.exec;
    p.exec = undefined;
    this.executions++;
    this.emit(e, false);
  }

  /** Emits what is still held back (the last execution of each session). */
  end(): void {
    for (const p of this.sessions.values()) this.flush(p);
    this.sessions.clear();
  }
}
