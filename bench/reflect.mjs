// reflect on the 2,000-table synthetic schema (built by `npm run bench:introspect`), and sqlacodegen
// (pip, installed into .venv on first use) on the same database in the same run.
// Usage: npm run build && node bench/reflect.mjs [database]   (default tw_bench_2k)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServer } from '../dist/core/db/server-connection.js';
import { resolveServer } from '../dist/core/db/conninfo/resolve.js';
import { readSnapshot } from '../dist/core/introspect/index.js';
import { reflect } from '../dist/core/codegen/reflect/index.js';

const db = process.argv[2] ?? 'tw_bench_2k';
const { target } = resolveServer({ url: `postgres://postgres@127.0.0.1:5432/${db}?sslmode=disable` }, { env: {}, home: '/x', osUser: 'postgres', demoDir: '/x' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
let tables = 0;
let schemas = [];
let lines = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const conn = await openServer(target, { statementTimeoutMs: 120_000 });
  const snap = await readSnapshot(conn, { stats: false });
  const out = reflect(snap, {});
  await conn.close();
  runs.push(performance.now() - t0);
  schemas = Object.keys(snap.schemas);
  tables = Object.values(snap.schemas).reduce((n, s) => n + Object.keys(s.tables).length, 0);
  lines = out.files[0].contents.split('\n').length;
  if (i === 0) writeFileSync(join(mkdtempSync(join(tmpdir(), 'tw-bench-reflect-')), 'models.py'), out.files[0].contents);
}
console.log(`tablewright reflect  ${tables} tables in ${schemas.length} schemas → ${lines} lines: median ${median(runs).toFixed(0)} ms of 3 (connect + snapshot + generate)`);

const venv = join(process.cwd(), '.venv', 'bin');
if (!existsSync(join(venv, 'sqlacodegen'))) spawnSync(join(venv, 'pip'), ['install', '-q', 'sqlacodegen'], { stdio: 'inherit' });
const t0 = performance.now();
const r = spawnSync(join(venv, 'sqlacodegen'), [`postgresql+psycopg://postgres@127.0.0.1:5432/${db}`, '--schemas', schemas.join(','), '--outfile', join(tmpdir(), 'tw-sqlacodegen.py')], { encoding: 'utf8', timeout: 1_800_000 });
const ms = performance.now() - t0;
if (r.status !== 0) console.log(`sqlacodegen failed (${r.status}): ${(r.stderr || '').split('\n').filter(Boolean).pop()}`);
else console.log(`sqlacodegen 4.x     same database: ${ms.toFixed(0)} ms (one run)  → tablewright is ${(ms / median(runs)).toFixed(1)}× faster`);
