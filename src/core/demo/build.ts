import { PGlite } from '@electric-sql/pglite';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { DEMO_DATA_STEPS } from './data-sql.js';
import { DEMO_LATE_SQL, DEMO_SCHEMA_SQL } from './schema-sql.js';

/** Bumped whenever the demo's schema or data change, so an old demo is rebuilt. */
export const DEMO_VERSION = 3;
const MARKER = 'tablewright-demo.json';

export type DemoProgress = (step: string, done: number, total: number) => void;

export function isDemoCurrent(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { version?: number };
    return m.version === DEMO_VERSION;
  } catch {
    return false;
  }
}

/** Builds the demo into `dir` unless it is there already and current. */
export async function ensureDemo(dir: string, progress?: DemoProgress): Promise<'reused' | 'built'> {
  if (isDemoCurrent(dir)) return 'reused';
  if (existsSync(dir)) {
    if (!existsSync(join(dir, MARKER))) {
      throw new UserError(`${dir} exists but is not a Tablewright demo database; move it aside or set TW_CACHE_DIR`);
    }
    // an older demo of ours: replace it
    rmSync(dir, { recursive: true, force: true });
  }
  await buildDemo(dir, progress);
  return 'built';
}

/** Removes our demo database (only if it carries our marker) and builds it again. */
export async function resetDemo(dir: string, progress?: DemoProgress): Promise<void> {
  if (existsSync(dir)) {
    if (!existsSync(join(dir, MARKER))) {
      throw new UserError(`${dir} is not a Tablewright demo database; refusing to delete it`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  await buildDemo(dir, progress);
}

/** Builds in a sibling directory and renames it into place, so a half-built demo is never opened. */
async function buildDemo(dir: string, progress?: DemoProgress): Promise<void> {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.building-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const total = DEMO_DATA_STEPS.length + 3;
  let done = 0;
  const step = (label: string) => progress?.(label, done++, total);
  step('creating database');
  // with the default WAL budget the load leaves ~240 MB of recycled WAL segments behind
  const db = await PGlite.create(tmp, {
    startParams: [...PGlite.defaultStartParams, '-c', 'min_wal_size=32MB', '-c', 'max_wal_size=64MB'],
  });
  try {
    step('schema');
    await db.exec(DEMO_SCHEMA_SQL);
    // the generated rows are valid by construction; skipping per-row FK triggers halves the load
    await db.exec(`SET session_replication_role = replica`);
    for (const s of DEMO_DATA_STEPS) {
      step(s.label);
      await db.exec(s.sql);
    }
    await db.exec(`RESET session_replication_role`);
    step('triggers, audit history, statistics');
    await db.exec(DEMO_LATE_SQL);
    await db.exec(`UPDATE public.orders SET notes = 'Customer asked for gift wrap' WHERE id % 2000 = 0;
      UPDATE public.support_tickets SET status = 'closed' WHERE id % 500 = 0;
      REFRESH MATERIALIZED VIEW analytics.daily_revenue;`);
    await db.exec('VACUUM ANALYZE');
    await db.exec('CHECKPOINT');
    progress?.('done', total, total);
  } catch (err) {
    await db.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  await db.close();
  writeFileSync(join(tmp, MARKER), JSON.stringify({ version: DEMO_VERSION, builtAt: new Date().toISOString() }) + '\n');
  renameSync(tmp, dir);
}
