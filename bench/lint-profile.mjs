// Per-rule time over the synthetic schema, to find the slow rules. Usage: node bench/lint-profile.mjs [database]
import { openServer } from '../dist/core/db/server-connection.js';
import { resolveServer } from '../dist/core/db/conninfo/resolve.js';
import { readSnapshot } from '../dist/core/introspect/index.js';
import { gatherRuleStats, lintSnapshot, SCHEMA_RULES } from '../dist/core/rules/index.js';

const db = process.argv[2] ?? 'tw_bench_10k';
const { target } = resolveServer({ url: `postgres://postgres@127.0.0.1:5432/${db}?sslmode=disable` }, { env: {}, home: '/x', osUser: 'postgres', demoDir: '/x' });
const conn = await openServer(target, { statementTimeoutMs: 120_000 });
const snapshot = await readSnapshot(conn, { stats: false });
const stats = await gatherRuleStats(conn, snapshot);
const rows = [];
for (const rule of SCHEMA_RULES) {
  const t = performance.now();
  const r = lintSnapshot(snapshot, { stats, rules: [rule], only: [rule.id] });
  rows.push([performance.now() - t, rule.id, r.findings.length]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [ms, id, n] of rows.slice(0, 12)) console.log(`${id}  ${ms.toFixed(1).padStart(7)} ms  ${n} findings`);
await conn.close();
