// analyze benchmark (not a test): generates a PostgreSQL stderr log of TW_BENCH_LOG_MB megabytes
// (default 1024) — extended-protocol parse/bind/execute triplets with DETAIL parameters,
// literal-inlined simple statements, multi-line statements, auto_explain plans and N+1 bursts from
// 200 sessions — then reads it with the log analysis of `tablewright analyze --log` in a child
// process and prints lines/s, MB/s and the child's peak RSS, for the full log and for a log a tenth
// of its size (constant memory: the two peaks should be close). TW_BENCH_RUNS sets the runs (default 3);
// TW_BENCH_KEEP=1 keeps the generated logs (for profiling).
// Run with `npx tsc -p tsconfig.build.json && node bench/analyze.mjs`.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = Number(process.env.TW_BENCH_LOG_MB ?? 1024);
const RUNS = Number(process.env.TW_BENCH_RUNS ?? 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function generate(file, bytes) {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  let t = Date.parse('2026-11-23T12:00:00Z');
  let written = 0;
  let chunk = '';
  const ts = () => { t += rnd(3); const d = new Date(t); return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)} UTC`; };
  const line = (pid, sev, msg) => { chunk += `${ts()} [${pid}] app@shop ${sev}:  ${msg}\n`; };
  while (written < bytes) {
    const pid = 10000 + rnd(200);
    const kind = rnd(100);
    if (kind < 45) {
      const q = ['SELECT id, total FROM orders WHERE customer_id = $1', 'SELECT * FROM customers WHERE email = $1', 'UPDATE orders SET status = $1 WHERE id = $2'][rnd(3)];
      line(pid, 'LOG', `duration: 0.0${rnd(90) + 10} ms  parse <unnamed>: ${q}`);
      line(pid, 'LOG', `duration: 0.0${rnd(90) + 10} ms  bind <unnamed>: ${q}`);
      line(pid, 'DETAIL', `parameters: $1 = '${rnd(100000)}'`);
      line(pid, 'LOG', `duration: ${rnd(50)}.${rnd(900) + 100} ms  execute <unnamed>: ${q}`);
      line(pid, 'DETAIL', `parameters: $1 = '${rnd(100000)}'`);
    } else if (kind < 80) {
      line(pid, 'LOG', `duration: 0.${rnd(900) + 100} ms  statement: SELECT name, price FROM products WHERE id = ${rnd(5000)} AND sku = 'sku-${rnd(999)}'`);
    } else if (kind < 88) {
      line(pid, 'LOG', `duration: ${rnd(300)}.${rnd(900) + 100} ms  statement: SELECT c.id, count(*)\n\tFROM customers c JOIN orders o ON o.customer_id = c.id\n\tWHERE o.placed_at > now() - interval '${rnd(30)} days'\n\tGROUP BY c.id`);
    } else if (kind < 90) {
      line(pid, 'LOG', `duration: ${rnd(900) + 100}.5 ms  plan:\n\tQuery Text: SELECT * FROM order_items WHERE sku = 'sku-${rnd(300)}'\n\tSeq Scan on order_items  (cost=0.00..2512.00 rows=400 width=40) (actual time=0.1..12.3 rows=410 loops=1)\n\t  Filter: (sku = 'sku-1'::text)\n\t  Rows Removed by Filter: 119590`);
    } else {
      line(pid, 'LOG', `duration: 0.${rnd(900) + 100} ms  statement: SELECT id FROM orders ORDER BY id LIMIT 25`);
      for (let i = 0; i < 25; i++) line(pid, 'LOG', `duration: 0.0${rnd(90) + 10} ms  statement: SELECT sku, qty FROM order_items WHERE order_id = ${rnd(60000)}`);
    }
    if (chunk.length > 1 << 20) {
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise((r) => out.end(r));
}

const CHILD = `
import { analyzeLogs } from ${JSON.stringify(new URL('../dist/core/perf/log/analyze-logs.js', import.meta.url).href)};
const t0 = performance.now();
const a = await analyzeLogs([process.argv[1]]);
const ms = performance.now() - t0;
const n1 = a.nPlusOne.result();
process.stdout.write(JSON.stringify({ ms, lines: a.logs[0].lines, executions: a.logs[0].executions, groups: a.groups.length, bursts: n1.reduce((s, x) => s + x.bursts, 0), maxRssKb: process.resourceUsage().maxRSS }));
`;

function measure(file) {
  const r = spawnSync(process.execPath, ['--liftoff-only', '--input-type=module', '-e', CHILD, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'health-bench-'));
try {
  console.log(`analyze --log benchmark · ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')} · node ${process.version}`);
  for (const size of [MB / 10, MB]) {
    const file = join(dir, `postgresql-${size}.log`);
    const g0 = performance.now();
    await generate(file, size * 1024 * 1024);
    const bytes = statSync(file).size;
    console.log(`\n${(bytes / 1024 / 1024).toFixed(0)} MB log generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(measure(file));
    const ms = median(runs.map((x) => x.ms));
    const r = runs[0];
    console.log(`  ${r.lines.toLocaleString('en-US')} lines, ${r.executions.toLocaleString('en-US')} executions, ${r.groups} statement groups, ${r.bursts.toLocaleString('en-US')} N+1 bursts`);
    console.log(`  median ${(ms / 1000).toFixed(2)} s over ${RUNS} runs: ${Math.round(r.lines / (ms / 1000)).toLocaleString('en-US')} lines/s, ${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s`);
    console.log(`  peak RSS ${(median(runs.map((x) => x.maxRssKb)) / 1024).toFixed(0)} MB`);
    if (process.env.TW_BENCH_KEEP) console.log(`  kept ${file}`);
    else rmSync(file);
  }
} finally {
  if (!process.env.TW_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
