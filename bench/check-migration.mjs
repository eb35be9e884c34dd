// check-migration benchmark (not a test): generates 1,000 migration files, then times
// `tablewright check-migration DIR` and `squawk 'DIR/*.sql'` (squawk-cli, npm dev dependency) on the
// same files in the same run, interleaved, and prints medians. Both are timed as whole CLI processes
// (startup included); the in-process cost of checkMigrationFiles is printed as well.
// Run with `npm run bench:check-migration` (compiles src to dist first). TW_BENCH_RUNS sets the runs (default 5).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkMigrationFiles } from '../dist/core/migrations/index.js';

const RUNS = Number(process.env.TW_BENCH_RUNS ?? 5);
const FILES = 1000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** A deterministic mix of safe and unsafe statements, 8–20 per file, like real migration directories. */
function generate(dir) {
  let seed = 42;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const templates = [
    (i) => `CREATE TABLE t${i}_new (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
    (i) => `CREATE INDEX idx_${i}_${rnd(99)} ON users_${i % 50} (email, created_at);`,
    (i) => `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_c_${i}_${rnd(99)} ON orders_${i % 50} (customer_id);`,
    (i) => `ALTER TABLE users_${i % 50} ADD COLUMN c_${rnd(1000)} integer DEFAULT 0;`,
    (i) => `ALTER TABLE users_${i % 50} ADD COLUMN u_${rnd(1000)} uuid DEFAULT gen_random_uuid();`,
    (i) => `ALTER TABLE orders_${i % 50} ADD CONSTRAINT fk_${i}_${rnd(999)} FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;`,
    (i) => `ALTER TABLE orders_${i % 50} VALIDATE CONSTRAINT fk_${i}_${rnd(999)};`,
    (i) => `ALTER TABLE users_${i % 50} ALTER COLUMN name SET NOT NULL;`,
    (i) => `ALTER TABLE users_${i % 50} ALTER COLUMN bio TYPE text;`,
    (i) => `UPDATE users_${i % 50} SET flag = true WHERE id BETWEEN ${rnd(1000)} AND ${1000 + rnd(1000)};`,
    (i) => `INSERT INTO settings (key, value) VALUES ('k${i}', '{"a": [1, 2, 3], "b": "${'x'.repeat(rnd(40))}"}');`,
    (i) => `CREATE OR REPLACE FUNCTION f_${i}(a int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a + ${rnd(9)}; END $$;`,
    (i) => `COMMENT ON TABLE users_${i % 50} IS 'users table, revision ${i}';`,
    (i) => `DROP INDEX IF EXISTS old_idx_${i}_${rnd(99)};`,
    (i) => `ALTER TABLE t${i}_new ADD CONSTRAINT t${i}_name_uq UNIQUE (name);`,
    (i) => `CREATE VIEW v_${i}_${rnd(99)} AS SELECT u.id, u.email, count(o.id) AS orders FROM users_${i % 50} u LEFT JOIN orders_${i % 50} o ON o.customer_id = u.id GROUP BY u.id, u.email;`,
  ];
  for (let i = 0; i < FILES; i++) {
    const lines = [`-- migration ${i}`, "SET lock_timeout = '2s';"];
    const n = 8 + rnd(13);
    if (rnd(3) === 0) lines.push('BEGIN;');
    for (let k = 0; k < n; k++) lines.push(templates[rnd(templates.length)](i));
    if (lines.includes('BEGIN;')) lines.push('COMMIT;');
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}_migration.sql`), lines.join('\n') + '\n');
  }
}

function timeProcess(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const t = performance.now() - t0;
  if (r.error) throw r.error;
  // both tools exit 1 when they find something; 2 or a signal means the run itself failed
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  return { t, out: r.stdout };
}

// TW_BENCH_DIR keeps the generated files there (for profiling); otherwise a temporary directory
const keep = process.env.TW_BENCH_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'tw-bench-mig-'));
try {
  generate(dir);
  if (process.env.TW_BENCH_GENERATE_ONLY) process.exit(0);
  // squawk-cli ships per-platform binaries the lock file cannot record for every platform, so it is
  // installed on demand outside the project rather than as a dev dependency
  const squawkDir = join(tmpdir(), 'tw-bench-squawk');
  const squawkBin = join(squawkDir, 'node_modules/.bin/squawk');
  if (!existsSync(squawkBin)) spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', squawkDir, 'squawk-cli@2.66.0'], { stdio: 'inherit' });
  const haveSquawk = existsSync(squawkBin);
  let squawkVersion = 'not installed';
  if (haveSquawk) squawkVersion = execFileSync(squawkBin, ['--version'], { encoding: 'utf8' }).trim();
  const tw = [];
  const sq = [];
  const inproc = [];
  // start-up alone: one tiny file, so the 1,000-file figures can be split into start-up and per-file work
  const one = join(dir, '0000_migration.sql');
  const twStart = [];
  const sqStart = [];
  let twFindings = 0;
  let sqFindings = 0;
  for (let r = 0; r < RUNS; r++) {
    const a = timeProcess(process.execPath, ['bin/tablewright.js', 'check-migration', dir, '--format', 'json']);
    tw.push(a.t);
    twFindings = JSON.parse(a.out).findings.length;
    if (haveSquawk) {
      const b = timeProcess(squawkBin, ['--reporter', 'json', join(dir, '*.sql')]);
      sq.push(b.t);
      sqFindings = JSON.parse(b.out).length;
    }
    twStart.push(timeProcess(process.execPath, ['bin/tablewright.js', 'check-migration', one, '--format', 'json']).t);
    if (haveSquawk) sqStart.push(timeProcess(squawkBin, ['--reporter', 'json', one]).t);
    const t0 = performance.now();
    await checkMigrationFiles([dir]);
    inproc.push(performance.now() - t0);
  }
  const fmt = (ms) => `${Math.round(ms)} ms (${(ms / FILES).toFixed(2)} ms/file)`;
  console.log(`check-migration benchmark: ${FILES} files, ${RUNS} runs; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  tablewright check-migration (process): median ${fmt(median(tw))}; runs ${tw.map(Math.round).join(', ')}; ${twFindings} findings`);
  console.log(`  tablewright start-up (1 file):         median ${Math.round(median(twStart))} ms`);
  console.log(`  checkMigrationFiles (in process):     median ${fmt(median(inproc))}; runs ${inproc.map(Math.round).join(', ')}`);
  if (haveSquawk) {
    console.log(`  ${squawkVersion} (process):            median ${fmt(median(sq))}; runs ${sq.map(Math.round).join(', ')}; ${sqFindings} findings`);
    console.log(`  squawk start-up (1 file):              median ${Math.round(median(sqStart))} ms`);
    const ratio = median(tw) / median(sq);
    console.log(`  ratio tablewright / squawk: ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'})`);
  } else console.log('  squawk-cli could not be installed: nothing to compare against');
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
