import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePerformance } from '../../src/core/perf/analyze.js';
import { analyzeLogs } from '../../src/core/perf/log/analyze-logs.js';
import { detectFormat, splitCsv } from '../../src/core/perf/log/records.js';
import { readLog } from '../../src/core/perf/log/read-log.js';
import type { Execution } from '../../src/core/perf/types.js';

const SHARED = new URL('../fixtures/shared-data/logs/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'health-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One execution as each log format writes it: extended protocol (parse, bind, execute) or simple. */
interface Exec { ms: number; session: number; sql: string; params?: string; at: number; queryId?: string }

const stamp = (at: number) => `${new Date(at).toISOString().replace('T', ' ').slice(0, 23)} UTC`;

function stderrLines(e: Exec): string[] {
  const p = `${stamp(e.at)} [${e.session}] app@shop`;
  const sql = e.sql.replace(/\n/g, '\n\t');
  if (!e.params) return [`${p} LOG:  duration: ${e.ms.toFixed(3)} ms  statement: ${sql}`];
  return [
    `${p} LOG:  duration: 0.010 ms  parse <unnamed>: ${sql}`,
    `${p} LOG:  duration: 0.010 ms  bind <unnamed>: ${sql}`,
    `${p} DETAIL:  parameters: ${e.params}`,
    `${p} LOG:  duration: ${(e.ms - 0.02).toFixed(3)} ms  execute <unnamed>: ${sql}`,
    `${p} DETAIL:  parameters: ${e.params}`,
  ];
}

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
function csvLines(e: Exec): string[] {
  // log_time,user,db,pid,from,session_id,line,tag,start,vxid,txid,severity,state,message,detail,…,query_id (26 columns)
  const row = (msg: string, detail = '') => [stamp(e.at), 'app', 'shop', String(e.session), '127.0.0.1:5000', `6b04.${e.session}`, '1', 'SELECT', stamp(0), '3/1', '0', 'LOG', '00000',
    csvField(msg), detail ? csvField(detail) : '', '', '', '', '', '', '', '', 'app', 'client backend', '', e.queryId ?? '0'].join(',');
  return [row(`duration: ${e.ms.toFixed(3)} ms  ${e.params ? 'execute <unnamed>' : 'statement'}: ${e.sql}`, e.params ? `parameters: ${e.params}` : '')];
}

function jsonLines(e: Exec): string[] {
  return [JSON.stringify({ timestamp: stamp(e.at), user: 'app', dbname: 'shop', pid: e.session, session_id: `6b04.${e.session}`, error_severity: 'LOG',
    message: `duration: ${e.ms.toFixed(3)} ms  ${e.params ? 'execute <unnamed>' : 'statement'}: ${e.sql}`, ...(e.params ? { detail: `parameters: ${e.params}` } : {}), query_id: e.queryId ?? 0 })];
}

/** An app session: a page of orders, then one lookup per order (the N+1), then a multi-line report query. */
function workload(t0: number): Exec[] {
  const out: Exec[] = [];
  let at = t0;
  for (const session of [101, 102]) {
    out.push({ ms: 2, session, at: (at += 3), sql: 'SELECT id FROM orders ORDER BY id LIMIT 10' });
    for (let i = 1; i <= 10; i++) out.push({ ms: 6, session, at: (at += 7), sql: 'SELECT sku, qty FROM order_items WHERE order_id = $1', params: `$1 = '${i}'`, queryId: '-4242' });
    out.push({ ms: 120, session, at: (at += 121), sql: "SELECT status,\n  count(*)\nFROM orders\nWHERE placed_at > now() - interval '1 day'\nGROUP BY status" });
  }
  return out;
}

function writeLog(name: string, lines: (e: Exec) => string[], extra: string[] = []): string {
  const file = join(dir, name);
  writeFileSync(file, [...workload(Date.parse('2026-11-23T12:00:00Z')).flatMap(lines), ...extra].join('\n') + '\n');
  return file;
}

describe('server logs in the three formats', () => {
  it('detects the format from the first line', () => {
    expect(detectFormat('2026-11-23 12:21:56.635 UTC [15041] postgres@postgres LOG:  duration: 1.7 ms  statement: SELECT 1')).toBe('stderr');
    expect(detectFormat('2026-11-23 12:21:56.635 UTC,"postgres","postgres",15041,')).toBe('csvlog');
    expect(detectFormat('{"timestamp":"2026-11-23 12:22:05.260 UTC"}')).toBe('jsonlog');
    expect(detectFormat('hello')).toBeUndefined();
  });

  it('splits csv with quotes, doubled quotes and embedded newlines', () => {
    expect(splitCsv('a,"b ""c"", d",,"x\ny"')).toEqual(['a', 'b "c", d', '', 'x\ny']);
  });

  for (const [format, lines] of [['stderr', stderrLines], ['csvlog', csvLines], ['jsonlog', jsonLines]] as const) {
    it(`${format}: counts each execution once, folds multi-line statements and finds the N+1 per session`, async () => {
      const file = writeLog(`app.${format}`, lines, format === 'stderr' ? ['not a log line at all'] : format === 'jsonlog' ? ['{"broken": '] : []);
      const a = await analyzeLogs([file]);
      expect(a.logs[0]).toMatchObject({ format, executions: 24 });
      const items = a.groups.find((g) => g.query === 'SELECT sku, qty FROM order_items WHERE order_id = $1')!;
      expect(items.calls).toBe(20);
      expect(items.totalMs).toBeCloseTo(120, 5);
      if (format !== 'stderr') expect(items.queryId).toBe('-4242');
      const report = a.groups.find((g) => g.query.startsWith('SELECT status'))!;
      expect(report).toMatchObject({ calls: 2, maxMs: 120 });
      expect(report.query).toBe('SELECT status, count(*) FROM orders WHERE placed_at > now() - interval $1 GROUP BY status');
      const n1 = a.nPlusOne.result();
      expect(n1).toHaveLength(1);
      expect(n1[0]).toMatchObject({ executions: 20, bursts: 2, maxBurst: 10, after: 'SELECT id FROM orders ORDER BY id LIMIT $1' });
      expect(n1[0]!.exampleParams.slice(0, 2)).toEqual(["$1 = '1'", "$1 = '2'"]);
      if (format === 'stderr') expect(a.logs[0]).toMatchObject({ unreadable: 1, firstUnreadable: 'not a log line at all' });
      if (format === 'jsonlog') expect(a.logs[0]!.unreadable).toBe(1);
    });
  }

  it('makes the N+1 thresholds configurable', async () => {
    const file = writeLog('thresholds.log', stderrLines);
    expect((await analyzeLogs([file], { nPlusOne: { minExecutions: 11 } })).nPlusOne.result()).toHaveLength(0);
    // 10 executions of 6 ms are 60 ms: under a 100 ms floor they no longer count…
    expect((await analyzeLogs([file], { nPlusOne: { minTotalMs: 100 } })).nPlusOne.result()).toHaveLength(0);
    // … unless the count alone is enough
    expect((await analyzeLogs([file], { nPlusOne: { minTotalMs: 100, minExecutionsAlone: 10 } })).nPlusOne.result()).toHaveLength(1);
  });

  it('keeps only executions after --since', async () => {
    const file = writeLog('since.log', stderrLines);
    const seen: Execution[] = [];
    const summary = await readLog(file, (e) => seen.push(e), { since: Date.parse('2026-11-23T12:00:00.200Z') });
    expect(summary.executions).toBe(seen.length);
    expect(seen.length).toBeLessThan(24);
    expect(seen.every((e) => e.at >= Date.parse('2026-11-23T12:00:00.200Z'))).toBe(true);
  });

  it('attaches auto_explain plans to their statement', async () => {
    const file = join(dir, 'auto-explain.log');
    writeFileSync(file, [
      '2026-11-23 12:00:00.100 UTC [7] app@shop LOG:  duration: 250.500 ms  plan:',
      "\tQuery Text: SELECT * FROM order_items WHERE sku = 'sku-1'",
      '\tSeq Scan on order_items  (cost=0.00..2512.00 rows=400 width=40) (actual time=0.1..12.3 rows=410 loops=1)',
      "\t  Filter: (sku = 'sku-1'::text)",
      '\t  Rows Removed by Filter: 119590',
    ].join('\n') + '\n');
    const a = await analyzeLogs([file]);
    expect(a.groups).toHaveLength(1);
    expect(a.groups[0]).toMatchObject({ query: 'SELECT * FROM order_items WHERE sku = $1', calls: 1, totalMs: 250.5 });
    expect(a.groups[0]!.plan).toMatch(/^Seq Scan on order_items/);
    // the slow statement carries the EXPLAIN core's insights on the logged (analyzed) plan
    const slow = (await analyzePerformance(undefined, { logs: [file] })).performance_analysis.slow_queries;
    expect(slow[0]!.plan!.insights.map((i) => i.id)).toContain('filter-removes-most');
  });

  it('says clearly when a file is missing or not a PostgreSQL log', async () => {
    await expect(readLog(join(dir, 'nope.log'), () => {})).rejects.toThrow(/--log .*nope\.log: cannot read it \(ENOENT\); check the path/);
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello\nworld\n');
    await expect(readLog(junk, () => {})).rejects.toThrow(/no line looks like a PostgreSQL log/);
  });
});

describe('the captured N+1 burst (shared/data/logs)', () => {
  for (const file of ['nplus1-stderr.log', 'nplus1-jsonlog.json']) {
    it(`${file}: both bursts of 20, each after the query that triggered it`, async () => {
      const a = await analyzeLogs([join(SHARED, file)]);
      expect(a.logs[0]).toMatchObject({ executions: 43, unreadable: 0 });
      const n1 = a.nPlusOne.result();
      expect(n1.map((n) => [n.query, n.executions, n.after])).toEqual([
        ['SELECT sku, qty FROM order_items WHERE order_id = $1', 20, 'SELECT id FROM orders ORDER BY id LIMIT $1'],
        ['SELECT name FROM customers WHERE id = $1', 20, 'SELECT sku, qty FROM order_items WHERE order_id = $1'],
      ]);
      // pg_stat_statements after the burst (explain.md §8.1): the same two shapes, 20 calls each
      expect(a.groups.filter((g) => g.calls === 20).map((g) => g.query).sort()).toEqual(['SELECT name FROM customers WHERE id = $1', 'SELECT sku, qty FROM order_items WHERE order_id = $1']);
      expect(n1[1]!.fix).toContain('joinedload(OrderItem.customer)');
    });
  }
});

describe('a large log streams through', () => {
  it('reads 300,000 lines and gets every execution and burst right (memory is measured in bench/analyze.mjs)', async () => {
    const file = join(dir, 'large.log');
    const out = createWriteStream(file);
    const t0 = Date.parse('2026-11-23T12:00:00Z');
    let lines = 0;
    for (let round = 0; lines < 300_000; round++) {
      const chunk = workload(t0 + round * 2000).flatMap(stderrLines).join('\n');
      lines += chunk.split('\n').length;
      if (!out.write(chunk + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    const rounds = Math.ceil(300_000 / workload(t0).flatMap(stderrLines).join('\n').split('\n').length);
    const a = await analyzeLogs([file]);
    expect(a.logs[0]!.lines).toBe(lines);
    expect(a.logs[0]!.executions).toBe(rounds * 24);
    expect(a.groups.find((g) => g.query.startsWith('SELECT sku'))!.calls).toBe(rounds * 20);
    expect(a.nPlusOne.result()[0]!.bursts).toBe(rounds * 2);
  }, 120_000);
});
