// Schema rules over the 10,000-table synthetic schema (built by `npm run bench:introspect`).
// Prints the median time of all schema rules on top of the snapshot, and the statistics read.
// Usage: npm run build && node bench/lint.mjs [database]   (default tw_bench_10k on 127.0.0.1:5432)
import { openServer } from '../dist/core/db/server-connection.js';
import { resolveServer } from '../dist/core/db/conninfo/resolve.js';
import { readSnapshot } from '../dist/core/introspect/index.js';
import { gatherRuleStats, lintSnapshot } from '../dist/core/rules/index.js';

const db = process.argv[2] ?? 'tw_bench_10k';
const url = `postgres://postgres@127.0.0.1:5432/${db}?sslmode=disable`;
const { target } = resolveServer({ url }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/x' });
let conn;
try {
  conn = await openServer(target, { statementTimeoutMs: 120_000 });
} catch (err) {
  console.error(`cannot open ${db}: ${err.message}; build it first with npm run bench:introspect`);
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => { const t = performance.now(); const r = await fn(); return [performance.now() - t, r]; };

const [snapMs, snapshot] = await time(() => readSnapshot(conn, { stats: false }));
const tables = Object.values(snapshot.schemas).reduce((n, s) => n + Object.keys(s.tables).length, 0);
const statsRuns = [];
let stats;
for (let i = 0; i < 3; i++) { const [ms, s] = await time(() => gatherRuleStats(conn, snapshot)); statsRuns.push(ms); stats = s; }
const lintRuns = [];
let result;
for (let i = 0; i < 5; i++) { const [ms, r] = await time(() => lintSnapshot(snapshot, { stats })); lintRuns.push(ms); result = r; }
console.log(`database ${db}: ${tables} tables (snapshot read once: ${snapMs.toFixed(0)} ms)`);
console.log(`statistics for the rules  median ${median(statsRuns).toFixed(0)} ms of 3`);
console.log(`all schema rules          median ${median(lintRuns).toFixed(0)} ms of 5 (min ${Math.min(...lintRuns).toFixed(0)}, max ${Math.max(...lintRuns).toFixed(0)})  target < 500 ms`);
console.log(`findings ${result.findings.length}, not run ${result.notRun.length}, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
await conn.close();
