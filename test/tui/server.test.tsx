import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openServer } from '../../src/core/db/server-connection.js';
import type { Connection } from '../../src/core/db/connection.js';
import { resolveServer } from '../../src/core/db/conninfo/resolve.js';
import pg from 'pg';
import { describeServer, scratchDatabase, SERVER_URL } from '../helpers/server.js';
import { KEYS, renderApp } from './helpers/render-app.js';

/** A TCP proxy in front of the test server that can drop every connection, like a network failure. */
class FlakyProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;
  readonly #upstream = new URL(SERVER_URL);

  async start(port = 0): Promise<void> {
    this.#server = createServer((client) => {
      const up = createConnection({ host: this.#upstream.hostname, port: Number(this.#upstream.port || 5432) });
      for (const s of [client, up]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(up).pipe(client);
    });
    await new Promise<void>((r) => this.#server!.listen(port, '127.0.0.1', r));
    this.port = (this.#server.address() as { port: number }).port;
  }

  async drop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((r) => this.#server!.close(() => r()));
  }
}

describeServer('lost connection', () => {
  const proxy = new FlakyProxy();
  let conn: Connection;
  beforeAll(async () => {
    await proxy.start();
    const u = new URL(SERVER_URL);
    const url = `postgres://${u.username || 'postgres'}@127.0.0.1:${proxy.port}${u.pathname}?sslmode=disable&connect_timeout=2`;
    const { target } = resolveServer({ url }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' });
    conn = await openServer(target as never);
  });
  afterAll(async () => {
    await conn.close().catch(() => {});
    await proxy.drop().catch(() => {});
  });

  it('says so in the status bar, reconnects with backoff and keeps the prompt text and pane', async () => {
    const r = renderApp({ conn, size: { columns: 100, rows: 30 } });
    try {
      await r.until(() => r.app.store.get().catalog.snapshot !== null, 'the snapshot');
      expect(r.lastFrame()).toContain('· read-only');
      await r.press('2', ':');
      await r.type('select 42 as answer');
      await r.press(KEYS.esc);
      await proxy.drop();
      // run something so the loss is noticed now rather than at the next heartbeat
      await r.press(':', KEYS.enter);
      await r.waitFor((f) => f.includes('connection lost'), 'the lost state');
      expect(r.lastFrame()).toMatch(/retry in \d+s|reconnecting/);
      await new Promise((res) => setTimeout(res, 1200));
      expect(r.app.store.get().conn.status).toBe('lost');
      await proxy.start(proxy.port);
      await r.waitFor((f) => f.includes('reconnected'), 'the reconnect', 40000);
      expect(r.lastFrame()).toContain('F6 explain · F5 run');
      expect(r.app.services.history.entries.at(-1)).toBe('select 42 as answer');
      await r.press(':', KEYS.up, KEYS.enter);
      await r.waitFor((f) => /│ 42/.test(f) || / 42\s/.test(f), 'a query after reconnecting');
    } finally {
      r.unmount();
    }
  }, 90_000);
});

describeServer('Ctrl+C on a server', () => {
  let conn: Connection;
  beforeAll(async () => {
    const { target } = resolveServer({ url: `${SERVER_URL}?sslmode=disable` }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' });
    conn = await openServer(target as never);
  });
  afterAll(async () => {
    await conn.close();
  });

  it('cancels the running statement instead of quitting', async () => {
    const r = renderApp({ conn, size: { columns: 100, rows: 30 } });
    try {
      // the background catalog read must be done, or Ctrl+C would cancel it as well
      await r.until(() => r.app.store.get().catalog.snapshot !== null && r.app.store.get().jobs.length === 0, 'the snapshot');
      // a query text of its own, so the probe below cannot see another run's statement
      const sleep = `select pg_sleep(30.${Math.floor(Math.random() * 1e6)})`;
      await r.press(':');
      await r.type(sleep);
      await r.press(KEYS.enter);
      await r.until(() => r.app.store.get().prompt.busy, 'the statement to start');
      // press Ctrl+C once the server is really running it (a loaded machine may take a while)
      const probe = new pg.Client({ connectionString: SERVER_URL });
      await probe.connect();
      try {
        for (let i = 0; i < 200; i++) {
          const q = await probe.query("SELECT 1 FROM pg_stat_activity WHERE query = $1 AND state = 'active'", [sleep]);
          if (q.rowCount) break;
          await new Promise((res) => setTimeout(res, 25));
        }
      } finally {
        await probe.end();
      }
      const t0 = Date.now();
      await r.press(KEYS.ctrlC);
      await r.waitFor((f) => f.includes('statement cancelled'), 'the cancel', 10000);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r.quits()).toBe(0);
    } finally {
      r.unmount();
    }
  }, 60_000);
});

describeServer('switching connections', () => {
  it('re-reads the snapshot of the new database without restarting', async () => {
    const a = await scratchDatabase('tw_tui_a');
    const b = await scratchDatabase('tw_tui_b');
    const setup = async (url: string, sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await setup(a.url, 'CREATE TABLE alpha_only (id int PRIMARY KEY)');
    await setup(b.url, 'CREATE TABLE beta_only (id int PRIMARY KEY, note text)');
    const conn = await a.open();
    const r = renderApp({
      conn,
      size: { columns: 100, rows: 30 },
      resolveSpec: (spec) => resolveServer({ url: `${spec}?sslmode=disable` }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' }).target,
    });
    try {
      await r.until(() => r.app.store.get().catalog.snapshot !== null, 'the first snapshot');
      expect(r.lastFrame()).toContain('alpha_only');
      await r.press(':');
      await r.type(`connect ${b.url}`);
      await r.press(KEYS.enter);
      await r.waitFor((f) => f.includes(`connected to postgres@`) && f.includes('beta_only'), 'the new database');
      await r.until(() => r.app.store.get().catalog.snapshot !== null && 'beta_only' in r.app.store.get().catalog.snapshot!.schemas.public!.tables, 'its snapshot');
      expect(r.lastFrame()).not.toContain('alpha_only');
      expect(r.lastFrame()).toContain(b.name);
    } finally {
      r.unmount();
      await r.app.dispose();
      await a.drop();
      await b.drop();
    }
  }, 60_000);
});
