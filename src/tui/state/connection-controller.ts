import type { Connection } from '../../core/db/connection.js';
import { describeTarget } from '../../core/db/conninfo/resolve.js';
import type { Target } from '../../core/db/conninfo/types.js';
import { openTarget, type OpenOptions } from '../../core/db/open.js';
import { loadSnapshotCached, readRelationList } from '../../core/introspect/index.js';
import { isConnectionLoss } from '../../commands/run-sql.js';
import { itemsFromRelationList, itemsFromSnapshot } from '../browser/catalog-items.js';
import type { RelationListItem } from '../../core/introspect/types.js';
import type { AppState, Job } from './app-state.js';
import { buildDemoInBackground, demoNeedsBuild } from './build-demo.js';
import { DemoNeedsBuild, type EarlyStart } from './early-open.js';
import type { Store } from './store.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
const HEARTBEAT_MS = 5000;

const oneLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0]!;

/**
 * The connection's life in the app: opening (building the demo with progress), reading the
 * catalog in the background, noticing a lost server and reconnecting with backoff, switching.
 * None of it blocks input: every step is async and reports through the store.
 */
export class ConnectionController {
  conn: Connection | undefined;
  readonly #store: Store<AppState>;
  readonly #openOptions: OpenOptions;
  #generation = 0;
  #jobSeq = 0;
  #heartbeat: NodeJS.Timeout | undefined;
  #retry: NodeJS.Timeout | undefined;
  #disposed = false;
  /** the session's write mode follows the connection; the prompt session reads it from here */
  onAttached: (conn: Connection) => void = () => {};

  constructor(store: Store<AppState>, openOptions: OpenOptions = {}) {
    this.#store = store;
    this.#openOptions = openOptions;
  }

  #job(label: string): { update: (progress: string) => void; done: () => void } {
    const id = ++this.#jobSeq;
    this.#store.set((s) => ({ jobs: [...s.jobs, { id, label } satisfies Job] }));
    return {
      update: (progress) => this.#store.set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, progress } : j)) })),
      done: () => this.#store.set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) })),
    };
  }

  /** Opens a target; with `keepOnFailure` the current connection stays if the new one fails. */
  async open(target: Target): Promise<Connection | undefined> {
    const gen = ++this.#generation;
    const description = describeTarget(target);
    const previous = this.conn;
    this.#store.set((s) => ({ conn: { ...s.conn, status: 'connecting', description, error: undefined, attempts: 0 } }));
    const job = this.#job(target.kind === 'embedded' && target.demo ? 'opening the demo' : `connecting to ${description}`);
    try {
      if (target.kind === 'embedded' && target.demo && (await demoNeedsBuild(target.dataDir))) {
        await buildDemoInBackground(target.dataDir, (step, done, total) => job.update(`building the demo ${done}/${total}: ${step}`));
      }
      const conn = await openTarget(target, {
        ...this.#openOptions,
        onDemoProgress: (step, done, total) => job.update(`building the demo ${done}/${total}: ${step}`),
      });
      if (gen !== this.#generation || this.#disposed) {
        await conn.close().catch(() => {});
        return undefined;
      }
      if (previous && previous !== conn) await previous.close().catch(() => {});
      this.attach(conn);
      return conn;
    } catch (err) {
      if (gen === this.#generation) {
        this.#store.set((s) => ({
          conn: previous ? { ...s.conn, status: 'ready', description: describeTarget(previous.target) } : { ...s.conn, status: 'failed', error: oneLine(err) },
          message: { text: oneLine(err), tone: 'error' },
        }));
      }
      return undefined;
    } finally {
      job.done();
    }
  }

  /** Uses a connection (and relation list) started before the UI loaded; see early-open.ts. */
  async adopt(target: Target, early: EarlyStart): Promise<Connection | undefined> {
    const gen = ++this.#generation;
    const job = this.#job(`connecting to ${describeTarget(target)}`);
    const list = early.cached;
    if (list && !this.#store.get().catalog.items) {
      this.#store.set((s) => ({ catalog: { ...s.catalog, items: itemsFromRelationList(list.items), readAt: list.savedAt, cached: true } }));
    }
    try {
      const conn = await early.connection;
      if (gen !== this.#generation || this.#disposed) {
        await conn.close().catch(() => {});
        return undefined;
      }
      this.attach(conn, early.relations, true);
      return conn;
    } catch (err) {
      if (err instanceof DemoNeedsBuild) {
        // the list of the demo being replaced is not the list of the one being built
        this.#store.set(() => ({ catalog: { items: null, snapshot: null, readAt: null, ddl: {} } }));
        return this.open(target);
      }
      if (gen === this.#generation) {
        this.#store.set((s) => ({ conn: { ...s.conn, status: 'failed', error: oneLine(err) }, message: { text: oneLine(err), tone: 'error' } }));
      }
      return undefined;
    } finally {
      job.done();
    }
  }

  /**
   * Takes over an open connection (tests pass a PGlite demo copy) and reads its catalog; with
   * `keepCachedList`, a list kept from the last start of this target stays up until the live one arrives.
   */
  attach(conn: Connection, relations?: Promise<RelationListItem[]>, keepCachedList = false): void {
    this.conn = conn;
    const keep = keepCachedList && !!this.#store.get().catalog.cached;
    this.#store.set((s) => ({
      conn: { status: 'ready', description: describeTarget(conn.target), version: shortVersion(conn.server.versionString), writeMode: !conn.readOnly, attempts: 0 },
      catalog: keep ? { items: s.catalog.items, snapshot: null, readAt: s.catalog.readAt, ddl: {}, cached: true } : { items: null, snapshot: null, readAt: null, ddl: {} },
      // the cursor may already have moved in the cached list
      browser: keep ? s.browser : { ...s.browser, selected: null, tab: 0, detailScroll: 0, detailScrollX: 0, detailCursor: 0 },
    }));
    this.onAttached(conn);
    this.#startHeartbeat();
    void this.loadCatalog(relations);
  }

  /** Reads the relation list (first frame), then the full snapshot, both in the background. */
  async loadCatalog(early?: Promise<RelationListItem[]>): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    const gen = this.#generation;
    const current = () => gen === this.#generation && this.conn === conn && !this.#disposed;
    const catalog = this.#store.get().catalog;
    if (!catalog.items || catalog.cached) {
      const job = this.#job('reading the relation list');
      try {
        const list = await (early ?? readRelationList(conn));
        if (current() && !this.#store.get().catalog.snapshot) {
          this.#store.set((s) => ({ catalog: { ...s.catalog, items: itemsFromRelationList(list), readAt: Date.now(), cached: undefined, error: undefined } }));
        }
      } catch (err) {
        if (current()) this.#catalogFailed(err);
      } finally {
        job.done();
      }
    }
    const job = this.#job('reading the schema snapshot');
    try {
      const { snapshot } = await loadSnapshotCached(conn);
      if (current()) {
        this.#store.set((s) => ({ catalog: { ...s.catalog, snapshot, items: itemsFromSnapshot(snapshot), readAt: Date.now(), ddl: {}, cached: undefined, error: undefined } }));
      }
    } catch (err) {
      if (current()) this.#catalogFailed(err);
    } finally {
      job.done();
    }
  }

  #catalogFailed(err: unknown): void {
    if (isConnectionLoss(err)) return this.markLost(err);
    this.#store.set((s) => ({ catalog: { ...s.catalog, error: oneLine(err) }, message: { text: `could not read the catalog: ${oneLine(err)}`, tone: 'error' } }));
  }

  async refresh(): Promise<void> {
    if (!this.conn || this.#store.get().conn.status !== 'ready') return;
    await this.loadCatalog();
  }

  #startHeartbeat(): void {
    clearInterval(this.#heartbeat);
    // an embedded database cannot go away under us; a server can (restart, network drop)
    if (this.conn?.target.kind !== 'server') return;
    this.#heartbeat = setInterval(() => {
      const conn = this.conn;
      if (!conn || this.#store.get().conn.status !== 'ready') return;
      conn.query('SELECT 1').catch((err) => {
        if (isConnectionLoss(err) && this.conn === conn) this.markLost(err);
      });
    }, HEARTBEAT_MS);
    this.#heartbeat.unref?.();
  }

  /** The server went away: say so and retry with backoff; the UI state (buffer, history, panes) stays. */
  markLost(err: unknown): void {
    if (this.#store.get().conn.status === 'lost' || this.#disposed) return;
    this.#store.set((s) => ({
      conn: { ...s.conn, status: 'lost', error: oneLine(err), attempts: 0 },
      message: { text: `connection lost (${oneLine(err)}); reconnecting…`, tone: 'warn' },
    }));
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    const attempts = this.#store.get().conn.attempts;
    const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)]!;
    this.#store.set((s) => ({ conn: { ...s.conn, retryAt: Date.now() + delay } }));
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => void this.#tryReconnect(), delay);
    this.#retry.unref?.();
  }

  async #tryReconnect(): Promise<void> {
    const conn = this.conn;
    if (!conn || this.#disposed) return;
    try {
      // the pool replaces dead clients by itself; one good round trip means we are back
      await conn.query('SELECT 1');
      this.#store.set((s) => ({ conn: { ...s.conn, status: 'ready', error: undefined, retryAt: undefined, attempts: 0 }, message: { text: 'reconnected', tone: 'ok' } }));
      void this.loadCatalog();
    } catch (err) {
      this.#store.set((s) => ({ conn: { ...s.conn, attempts: s.conn.attempts + 1, error: oneLine(err) } }));
      this.#scheduleRetry();
    }
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#retry);
    const c = this.conn;
    this.conn = undefined;
    await c?.close().catch(() => {});
  }
}

export const shortVersion = (v: string): string => v.replace(/ on .*$/, '').replace(/,? compiled by .*$/, '').replace(/\s*\(.*\)$/, '');
