/** One log message (a LOG line with its continuation lines), whatever the log format. */
export interface LogRecord {
  at: number;
  session: string;
  severity: string;
  message: string;
  detail?: string;
  queryId?: string;
}

export type LogFormat = 'stderr' | 'csvlog' | 'jsonlog';

// the prefix is found by its timestamp and the first `SEVERITY:  ` after it: a scan with indexOf is
// several times faster on a 1 GB log than one regex with a lazy prefix
const STDERR_HEAD = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)(\.\d+)?( ?[A-Za-z]{2,5}|[+-]\d\d(?::?\d\d)?)?\s/;
const SEVERITIES = new Set(['LOG', 'DETAIL', 'STATEMENT', 'ERROR', 'WARNING', 'HINT', 'CONTEXT', 'FATAL', 'PANIC', 'NOTICE', 'INFO', 'QUERY', 'LOCATION', 'DEBUG', 'DEBUG1', 'DEBUG2', 'DEBUG3', 'DEBUG4', 'DEBUG5']);
const PID = /\[(\d+)(?:-\d+)?\]/;
const SESSION_ID = /\b([0-9a-f]{6,8}\.[0-9a-f]{1,8})\b/;
const QUERY_ID_PREFIX = /\bqid=(-?\d+)\b/;

/** The format of a log, judged by its first non-empty line. */
export function detectFormat(firstLine: string): LogFormat | undefined {
  const l = firstLine.trimStart();
  if (l.startsWith('{')) return 'jsonlog';
  if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?: ?[A-Za-z]{2,5}|[+-]\d\d(?::?\d\d)?)?,/.test(l)) return 'csvlog';
  if (parseStderrLine(l)) return 'stderr';
  return undefined;
}

// timestamps repeat their seconds part across many lines: parse each second once
let lastSecondKey = '';
let lastSecondMs = 0;

function parseTimestamp(seconds: string, fraction: string | undefined, zone: string | undefined): number {
  const key = seconds + (zone ?? '');
  if (key !== lastSecondKey) {
    const z = (zone ?? '').trim();
    const iso = seconds.replace(' ', 'T');
    const zoneIso = !z || /^(UTC|GMT|Z)$/i.test(z) ? 'Z' : /^[+-]/.test(z) ? (z.includes(':') ? z : z.length === 3 ? `${z}:00` : `${z.slice(0, 3)}:${z.slice(3)}`) : 'Z';
    const ms = Date.parse(iso + zoneIso);
    lastSecondKey = key;
    lastSecondMs = Number.isNaN(ms) ? 0 : ms;
  }
  return lastSecondMs + (fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0);
}

function parseTimestampText(ts: string): number {
  const m = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)(\.\d+)?\s*(.*)$/.exec(ts);
  return m ? parseTimestamp(m[1]!, m[2], m[3]) : 0;
}

/** A stderr line with its prefix; undefined when it is not one (a continuation or foreign line). */
export function parseStderrLine(line: string): LogRecord | undefined {
  const c = line.charCodeAt(0);
  if (c < 48 || c > 57) return undefined;
  const m = STDERR_HEAD.exec(line);
  if (!m) return undefined;
  const head = m[0].length;
  for (let colon = line.indexOf(':  ', head); colon >= 0; colon = line.indexOf(':  ', colon + 1)) {
    const space = line.lastIndexOf(' ', colon - 1);
    const severity = line.slice(space + 1, colon);
    if (!SEVERITIES.has(severity)) continue;
    const prefix = line.slice(head, space + 1);
    const session = (prefix.includes('.') ? SESSION_ID.exec(prefix)?.[1] : undefined) ?? PID.exec(prefix)?.[1] ?? 'unknown';
    const qid = prefix.includes('qid=') ? QUERY_ID_PREFIX.exec(prefix)?.[1] : undefined;
    return { at: parseTimestamp(m[1]!, m[2], m[3]), session, severity, message: line.slice(colon + 3), ...(qid && qid !== '0' ? { queryId: qid } : {}) };
  }
  return undefined;
}

export function parseJsonLine(line: string): LogRecord | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null || typeof o.message !== 'string' || typeof o.timestamp !== 'string') return undefined;
  const qid = o.query_id === undefined || o.query_id === null ? undefined : String(o.query_id);
  return {
    at: parseTimestampText(o.timestamp),
    session: String(o.session_id ?? o.pid ?? 'unknown'),
    severity: String(o.error_severity ?? 'LOG'),
    message: o.message,
    ...(typeof o.detail === 'string' ? { detail: o.detail } : {}),
    ...(qid && qid !== '0' ? { queryId: qid } : {}),
  };
}

/** Splits one CSV record (RFC 4180 quoting, as csvlog writes it). */
export function splitCsv(record: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = record.length;
  while (i <= n) {
    if (record[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) { v += record.slice(i); i = n; break; }
        v += record.slice(i, q);
        if (record[q + 1] === '"') { v += '"'; i = q + 2; } else { i = q + 1; break; }
      }
      out.push(v);
      i++; // the comma
    } else {
      const c = record.indexOf(',', i);
      const end = c < 0 ? n : c;
      out.push(record.slice(i, end));
      i = end + 1;
    }
    if (i > n) break;
  }
  return out;
}

// csvlog columns (PG 14+ adds leader_pid and query_id at the end)
const CSV = { time: 0, pid: 3, session: 5, severity: 11, message: 13, detail: 14, queryId: 25 };

export function parseCsvRecord(record: string): LogRecord | undefined {
  const f = splitCsv(record);
  if (f.length < 14 || !/^\d{4}-/.test(f[CSV.time] ?? '')) return undefined;
  const qid = f[CSV.queryId];
  return {
    at: parseTimestampText(f[CSV.time]!),
    session: f[CSV.session] || f[CSV.pid] || 'unknown',
    severity: f[CSV.severity] ?? 'LOG',
    message: f[CSV.message] ?? '',
    ...(f[CSV.detail] ? { detail: f[CSV.detail] } : {}),
    ...(qid && qid !== '0' ? { queryId: qid } : {}),
  };
}

/** Whether a csvlog record is complete: its double quotes balance. */
export function csvComplete(text: string): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 0;
}
