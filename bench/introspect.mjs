// Introspection benchmark (not a test): builds tw_bench_2k / tw_bench_10k on the server when
// missing, then prints medians of the structural snapshot, the first-screen relation list and a
// cached reopen, next to Kysely's PostgresIntrospector on the same database, and peak RSS.
// Run with `npm run bench:introspect` (compiles src to dist first). TW_BENCH_URL overrides the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openServer } from '../dist/core/db/server-connection.js';
import { resolveServer } from '../dist/core/db/conninfo/resolve.js';
import { loadSnapshotCached, readRelationList, readSnapshot, serializeSnapshot } from '../dist/core/introspect/index.js';
import { ensureBenchDatabase, withDb } from './introspect-schema.mjs';

const ADMIN = process.env.TW_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.TW_BENCH_RUNS ?? 5);
const SIZES = [['tw_bench_2k', 2000], ['tw_bench_10k', 10000]];

// median of the runs, with the fastest run beside it: on a shared machine the fastest is the least disturbed
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0] }; };
const ms = (x) => `${Math.round(x.median)} ms (fastest ${Math.round(x.min)} ms)`;
const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;

async function open(db) {
  const { target } = resolveServer({ url: `${withDb(ADMIN, db)}?sslmode=disable` }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' });
  return openServer(target);
}

/** Runs `fn` RUNS times, each on a fresh connection (a cold backend, as when the app starts). */
async function timed(db, fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const conn = await open(db);
    global.gc?.();
    const t0 = performance.now();
    await fn(conn);
    times.push(performance.now() - t0);
    await conn.close();
  }
  return median(times);
}

async function kyselyTables(db) {
  const times = [];
  let tables = 0;
  for (let i = 0; i < RUNS; i++) {
    const pool = new pg.Pool({ connectionString: withDb(ADMIN, db), max: 1 });
    const k = new Kysely({ dialect: new PostgresDialect({ pool }) });
    await k.selectNoFrom((eb) => eb.val(1).as('x')).execute();
    global.gc?.();
    const t0 = performance.now();
    tables = (await k.introspection.getTables()).length;
    times.push(performance.now() - t0);
    await k.destroy();
  }
  return { time: median(times), tables };
}

const LOAD_START = loadavg().map((x) => x.toFixed(1)).join(' ');
const rows = [];
for (const [db, n] of SIZES) {
  const t0 = Date.now();
  if (await ensureBenchDatabase(ADMIN, db, n)) console.error(`built ${db} in ${Math.round((Date.now() - t0) / 1000)} s`);
  let info = '';
  const structural = await timed(db, async (c) => {
    const s = await readSnapshot(c, { stats: false });
    const tables = Object.values(s.schemas).reduce((a, x) => a + Object.keys(x.tables).length, 0);
    const columns = Object.values(s.schemas).reduce((a, x) => a + Object.values(x.tables).reduce((b, t) => b + t.columns.length, 0), 0);
    info = `${tables} tables, ${columns} columns`;
  });
  const rssAfterStructural = process.resourceUsage().maxRSS * 1024;
  const withStats = await timed(db, (c) => readSnapshot(c, { stats: true }));
  const eager = await timed(db, (c) => readSnapshot(c, { stats: true, definitions: 'eager' }));
  const list = await timed(db, (c) => readRelationList(c));
  const cacheDir = mkdtempSync(join(tmpdir(), 'tw-bench-cache-'));
  let size = 0;
  {
    const c = await open(db);
    const first = await loadSnapshotCached(c, { stats: false, cacheDir });
    size = serializeSnapshot(first.snapshot).length;
    await c.close();
  }
  let cachedOk = true;
  const cached = await timed(db, async (c) => {
    const r = await loadSnapshotCached(c, { stats: false, cacheDir });
    if (r.readSchemas.length) cachedOk = false;
  });
  rmSync(cacheDir, { recursive: true, force: true });
  const peer = await kyselyTables(db);
  rows.push({ db, info, structural, withStats, eager, list, cached, cachedOk, peer, size, rss: process.resourceUsage().maxRSS * 1024, rssAfterStructural });
}

console.log(`\nIntrospection benchmark: median of ${RUNS} runs, each on a fresh connection; Node ${process.version}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; load average at start ${LOAD_START}, at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
for (const r of rows) {
  console.log(`${r.db}: ${r.info}; snapshot JSON ${mb(r.size)}`);
  console.log(`  structural snapshot (lazy definitions, no stats)  ${ms(r.structural)}`);
  console.log(`  + stats part                                      ${ms(r.withStats)}`);
  console.log(`  + stats + all definitions deparsed (eager)        ${ms(r.eager)}`);
  console.log(`  relation list (first screen)                      ${ms(r.list)}`);
  console.log(`  cached reopen, unchanged database                 ${ms(r.cached)}${r.cachedOk ? '' : ' (NOT served from cache!)'}`);
  console.log(`  peer: kysely ${'0.28'} PostgresIntrospector.getTables() ${ms(r.peer.time)} (${r.peer.tables} tables and views, columns only)`);
  console.log(`  ratio structural / peer                           ${(r.structural.median / r.peer.time.median).toFixed(2)}x (fastest runs ${(r.structural.min / r.peer.time.min).toFixed(2)}x)`);
  console.log(`  peak RSS after the structural reads ${mb(r.rssAfterStructural)}, after all runs ${mb(r.rss)}\n`);
}
