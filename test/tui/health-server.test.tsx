import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { runShopWorkload, SHOP_SQL } from '../perf/workload.js';
import { KEYS, renderApp, type RenderedApp } from './helpers/render-app.js';

describeServer('Health pane on a server with a real workload', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  let r: RenderedApp | undefined;
  beforeAll(async () => {
    scratch = await scratchDatabase('tw_health_tui');
    const admin = await scratch.open({ write: true });
    await admin.exec(`CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; ${SHOP_SQL}`);
    await admin.query("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0) -- this database only: other test files share the server's counters");
    await runShopWorkload(admin);
    await admin.close();
    conn = await scratch.open();
  }, 180_000);
  const close = () => {
    // the pane's refresh timer would otherwise keep polling the database after the view is gone
    r?.app.health.stop();
    r?.unmount();
  };
  afterAll(async () => {
    close();
    await scratch?.drop();
  });

  async function openHealth(): Promise<RenderedApp> {
    close();
    r = renderApp({ conn, size: { columns: 160, rows: 44 }, env: { TW_HEALTH_REFRESH_MS: '300' } });
    await r.until(() => r!.app.store.get().catalog.snapshot !== null, 'the snapshot to load');
    await r.press('5');
    await r.waitFor((f) => f.includes('Running queries'), 'the dashboard');
    return r;
  }

  it('shows connections, cache hit and the largest tables, and cancels a running query after a yes', async () => {
    const app = await openHealth();
    const f = app.lastFrame();
    expect(f).toMatch(/connections \d+\/\d+/);
    expect(f).toMatch(/cache hit\s+db \d+\.\d\d %/);
    expect(f).toMatch(/public\.orders\s+\d+(\.\d)? MB/);
    // a slow statement in another session appears on the next refresh, longest first
    const other = new pg.Client({ connectionString: scratch.url });
    await other.connect();
    const sleeping = other.query('SELECT pg_sleep(60) AS slow_one').then(() => 'finished', (err: Error) => err.message);
    await app.waitFor((x) => x.includes('SELECT pg_sleep(60) AS slow_one'), 'the running query', 10_000);
    const pid = app.app.store.get().health.dashboard!.activity!.active.find((q) => q.query.includes('slow_one'))!.pid;
    while (app.app.store.get().health.dashboard!.activity!.active[app.app.store.get().health.cursor.dashboard]?.pid !== pid) await app.press('j');
    await app.press('c');
    await app.waitFor((x) => x.includes(`cancel the statement of pid ${pid}`), 'the confirmation');
    await app.press('y');
    expect(await sleeping).toMatch(/canceling statement due to user request/);
    await app.waitFor((x) => x.includes(`cancel sent to pid ${pid}`), 'the message');
    await other.end();
  }, 60_000);

  it('draws the lock tree: the session holding a lock and the one waiting for it', async () => {
    const app = await openHealth();
    const holder = new pg.Client({ connectionString: scratch.url });
    const waiter = new pg.Client({ connectionString: scratch.url });
    await holder.connect();
    await waiter.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE customers IN ACCESS EXCLUSIVE MODE');
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const waiting = waiter.query('SELECT count(*) FROM customers /* waits */').catch(() => undefined);
      const waits = /└─ pid \d+ waits \d+ s for AccessShareLock on customers: SELECT count\(\*\) FROM customers/;
      const f = await app.waitFor((x) => x.includes(`pid ${holderPid} blocks`) && waits.test(x), 'the lock tree', 10_000);
      // the size functions would wait for the lock too: the dashboard falls back to page counts instead of hanging
      expect(f).toContain("a table is locked: sizes are the planner's page counts");
      await holder.query('ROLLBACK');
      await waiting;
    } finally {
      await holder.end();
      await waiter.end();
    }
  }, 60_000);

  it('lists the top statements from pg_stat_statements and opens one in the Workbench', async () => {
    const app = await openHealth();
    await app.press(']');
    await app.waitFor((x) => x.includes('Top statements by total'), 'the Queries tab');
    await app.until(() => (app.app.store.get().health.queries?.length ?? 0) > 0, 'the statements');
    const frame = await app.waitFor((x) => x.includes('SELECT id, total FROM orders WHERE customer_id = $1'), 'the workload statement');
    expect(frame).toContain('60 calls');
    await app.press('s');
    await app.waitFor((x) => x.includes('Top statements by mean'), 'sorting by mean');
    const queries = app.app.store.get().health.queries!;
    const i = queries.findIndex((q) => q.query === 'SELECT id, total FROM orders WHERE customer_id = $1');
    for (let k = 0; k < i; k++) await app.press('j');
    await app.press(KEYS.enter);
    await app.until(() => app.app.store.get().pane === 'workbench', 'the Workbench');
    expect(app.app.store.get().workbench.editor.lines.join('\n')).toBe('SELECT id, total FROM orders WHERE customer_id = $1');
    await app.waitFor((x) => x.includes('replace the $n parameters with values'), 'the parameter hint');
  }, 60_000);

  it('asks HypoPG for index advice on the Advice tab and copies the CREATE INDEX', async () => {
    const app = await openHealth();
    await app.press('[');
    await app.until(() => app.app.store.get().health.advice !== null, 'the advice', 60_000);
    const f = await app.waitFor((x) => x.includes('index public.orders (customer_id)'), 'the advice row');
    expect(f).toContain('verified with HypoPG');
    await app.press('y');
    expect(app.terminalWrites.join('')).toContain(Buffer.from('CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);').toString('base64'));
  }, 90_000);
});
