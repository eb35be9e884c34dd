import type { Connection } from '../../core/db/connection.js';
import { analyzePerformance } from '../../core/perf/analyze.js';
import { Fingerprinter } from '../../core/perf/fingerprint.js';
import { readActivity } from '../../core/perf/server/activity.js';
import { LOCKED_SIZES_NOTE, readCacheHit, readSizes } from '../../core/perf/server/space.js';
import { readStatements } from '../../core/perf/server/statements.js';
import type { Key } from '../keys/key.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { osc52 } from '../terminal/clipboard.js';
import { adviceRows, dashboardRows, type AdviceRow } from './rows.js';
import { GROWTH_SAMPLES, HEALTH_TABS, QUERY_ORDERS, type HealthDashboard, type HealthState, type HealthTab } from './health-state.js';

export interface HealthHost {
  conn(): Connection | undefined;
  /** the schemas to size: the snapshot's, else what the relation list shows */
  schemas(): string[];
  confirm(question: string): Promise<boolean>;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  /** the drill-down: put a statement in the Workbench and explain it there */
  openInWorkbench(sql: string): void;
  writeTerminal(s: string): void;
  keymap: Keymap;
  pageSize(): number;
  /** dashboard refresh period while the pane is shown (ms) */
  refreshMs: number;
}

const firstLine = (err: unknown): string => String((err as Error)?.message ?? err).split('\n')[0]!;

/**
 * The Health pane's actions. While the pane is shown the dashboard (and the Queries tab when it is
 * the one open) re-reads every `refreshMs`; index advice runs on demand, being the costly part.
 */
export class HealthActions {
  readonly #store: Store<AppState>;
  readonly #host: HealthHost;
  #timer: ReturnType<typeof setInterval> | undefined;
  #fp: Promise<Fingerprinter> | undefined;

  constructor(store: Store<AppState>, host: HealthHost) {
    this.#store = store;
    this.#host = host;
    store.subscribe(() => {
      const shown = store.get().pane === 'health' && store.get().conn.status === 'ready';
      if (shown && !this.#timer) this.#start();
      else if (!shown && this.#timer) this.stop();
    });
  }

  get state(): HealthState {
    return this.#store.get().health;
  }

  #set(patch: Partial<HealthState> | ((h: HealthState) => Partial<HealthState>)): void {
    this.#store.set((s) => ({ health: { ...s.health, ...(typeof patch === 'function' ? patch(s.health) : patch) } }));
  }

  #start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#host.refreshMs);
    this.#timer.unref?.();
    void this.tick();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One refresh of what the open tab shows (advice only the first time: it is not cheap). */
  async tick(): Promise<void> {
    const h = this.state;
    if (h.busy) return;
    if (h.tab === 'queries') await this.readQueries();
    else if (h.tab === 'advice') { if (!h.advice) await this.readAdvice(); }
    else await this.readDashboard();
  }

  /** Runs one read with the pane marked busy; its failure becomes the pane's error line, never a crash. */
  async #load(kind: NonNullable<HealthState['busy']>, read: (conn: Connection) => Promise<(h: HealthState) => Partial<HealthState>>): Promise<void> {
    const conn = this.#host.conn();
    if (!conn) return;
    this.#set({ busy: kind });
    try {
      const apply = await read(conn);
      this.#set((h) => ({ ...apply(h), busy: null, error: undefined }));
    } catch (err) {
      this.#set({ busy: null, error: firstLine(err) });
      if (kind === 'advice') this.#host.message(firstLine(err), 'error');
    }
  }

  readDashboard(): Promise<void> {
    return this.#load('dashboard', async (conn) => {
      const notes: string[] = [];
      const server = conn.server.flavor !== 'pglite';
      if (!server) notes.push('embedded PGlite: one session and no cumulative statistics, so no connections, locks or cache figures; sizes only');
      const activity = server ? await readActivity(conn, { limit: 30 }).catch((err) => { notes.push(`sessions: ${firstLine(err)}`); return undefined; }) : undefined;
      if (activity?.limited) notes.push(`other roles' queries are hidden: GRANT pg_monitor TO ${conn.server.user}`);
      const cacheHit = server ? await readCacheHit(conn).catch(() => undefined) : undefined;
      const sizes = await readSizes(conn, this.#host.schemas(), 60);
      if (sizes.approximate) notes.push(LOCKED_SIZES_NOTE);
      const tables = sizes.filter((r) => r.kind === 'table').slice(0, 15);
      const dashboard: HealthDashboard = { activity, cacheHit, tables, notes, at: Date.now() };
      return (h) => {
        const growth: Record<string, number[]> = {};
        for (const t of tables) growth[t.name] = [...(h.growth[t.name] ?? []), t.totalBytes].slice(-GROWTH_SAMPLES);
        const n = dashboardRows(dashboard).length;
        return { dashboard, growth, cursor: { ...h.cursor, dashboard: Math.min(h.cursor.dashboard, Math.max(0, n - 1)) } };
      };
    });
  }

  readQueries(): Promise<void> {
    return this.#load('queries', async (conn) => {
      const fp = await (this.#fp ??= Fingerprinter.create());
      const r = await readStatements(conn, fp, { order: this.state.queriesOrder, limit: 100 });
      return (h) => ({ queries: r.groups, queriesNote: r.note, cursor: { ...h.cursor, queries: Math.min(h.cursor.queries, Math.max(0, r.groups.length - 1)) } });
    });
  }

  readAdvice(): Promise<void> {
    this.#host.message('asking the planner about indexes (HypoPG when installed)…');
    return this.#load('advice', async (conn) => {
      const logs = this.state.logPath ? [this.state.logPath] : [];
      const r = (await analyzePerformance(conn, { indexesOnly: true, logs })).performance_analysis;
      const notes = [...r.sources.notes, ...(logs.length ? [] : ['p reads a server log for N+1 bursts'])];
      if (r.sources.hypopg !== 'used') notes.push(`HypoPG ${r.sources.hypopg}: advice is unverified`);
      this.#host.message(`${r.index_advice.length} index suggestion${r.index_advice.length === 1 ? '' : 's'}, ${r.n_plus_one.length} N+1 burst${r.n_plus_one.length === 1 ? '' : 's'}`, 'ok');
      return (h) => ({ advice: { index: r.index_advice, nPlusOne: r.n_plus_one, notes }, cursor: { ...h.cursor, advice: 0 } });
    });
  }

  #count(tab: HealthTab = this.state.tab): number {
    const h = this.state;
    if (tab === 'dashboard') return h.dashboard ? dashboardRows(h.dashboard).length : 0;
    if (tab === 'queries') return h.queries?.length ?? 0;
    return h.advice ? adviceRows(h.advice).length : 0;
  }

  move(delta: number): void {
    const tab = this.state.tab;
    const n = this.#count(tab);
    this.#set((h) => ({ cursor: { ...h.cursor, [tab]: Math.max(0, Math.min(Math.max(0, n - 1), h.cursor[tab] + delta)) } }));
  }

  switchTab(delta: number): void {
    const i = HEALTH_TABS.indexOf(this.state.tab);
    this.#set({ tab: HEALTH_TABS[(i + delta + HEALTH_TABS.length) % HEALTH_TABS.length]!, error: undefined });
    void this.tick();
  }

  cycleOrder(): void {
    if (this.state.tab !== 'queries') return;
    const i = QUERY_ORDERS.indexOf(this.state.queriesOrder);
    this.#set({ queriesOrder: QUERY_ORDERS[(i + 1) % QUERY_ORDERS.length]! });
    void this.readQueries();
  }

  refresh(): void {
    if (this.state.tab === 'advice') void this.readAdvice();
    else void this.tick();
  }

  selectedAdvice(): AdviceRow | undefined {
    const h = this.state;
    return h.advice ? adviceRows(h.advice)[h.cursor.advice] : undefined;
  }

  /** `c` on a dashboard query: pg_cancel_backend, after a yes. */
  async cancelSelected(): Promise<void> {
    const h = this.state;
    if (h.tab !== 'dashboard' || !h.dashboard) return;
    const row = dashboardRows(h.dashboard)[h.cursor.dashboard];
    const conn = this.#host.conn();
    if (!row || !conn) return this.#host.message('select a running query first (j/k)', 'info');
    if (!(await this.#host.confirm(`cancel the statement of pid ${row.pid} (${row.query.replace(/\s+/g, ' ').slice(0, 60)})?`))) return this.#host.message('not cancelled', 'info');
    try {
      const r = await conn.query<{ ok: boolean }>('SELECT pg_catalog.pg_cancel_backend($1) AS ok', [row.pid]);
      this.#host.message(r.rows[0]?.ok ? `cancel sent to pid ${row.pid}` : `pid ${row.pid} was not signalled (gone, or not yours: needs pg_signal_backend)`, r.rows[0]?.ok ? 'ok' : 'warn');
    } catch (err) {
      this.#host.message(firstLine(err), 'error');
    }
    void this.readDashboard();
  }

  /** Enter: the selected statement into the Workbench, planned there. */
  open(): void {
    const h = this.state;
    let sql: string | undefined;
    if (h.tab === 'queries') sql = h.queries?.[h.cursor.queries]?.query;
    else if (h.tab === 'advice') {
      const row = this.selectedAdvice();
      sql = row?.kind === 'nplus1' ? row.item.query : row ? h.queries?.find((q) => row.item.queries.includes(q.fingerprint))?.query ?? undefined : undefined;
      if (row?.kind === 'index' && !sql) return this.#host.message('y copies the CREATE INDEX statement; open the Queries tab to plan the statements it helps', 'info');
    } else {
      const row = h.dashboard ? dashboardRows(h.dashboard)[h.cursor.dashboard] : undefined;
      sql = row?.query;
    }
    if (!sql) return;
    this.#host.openInWorkbench(sql);
  }

  copy(): void {
    const h = this.state;
    let text: string | undefined;
    if (h.tab === 'queries') text = h.queries?.[h.cursor.queries]?.query;
    else if (h.tab === 'advice') {
      const row = this.selectedAdvice();
      text = row?.kind === 'index' ? row.item.sql : row?.item.fix;
    } else text = h.dashboard ? dashboardRows(h.dashboard)[h.cursor.dashboard]?.query : undefined;
    if (!text) return;
    this.#host.writeTerminal(osc52(text));
    this.#host.message('copied (OSC 52)', 'ok');
  }

  /** The keys of the pane; false for a key it leaves to the global scope (q, Tab, 1–5, …). */
  handleKey(key: Key): boolean {
    const h = this.state;
    if (h.logDraft !== null) {
      if (key.name === 'enter') {
        const path = h.logDraft.trim() || null;
        this.#set({ logDraft: null, logPath: path, advice: null });
        void this.readAdvice();
      } else if (key.name === 'esc') this.#set({ logDraft: null });
      else if (key.name === 'backspace') this.#set({ logDraft: [...h.logDraft].slice(0, -1).join('') });
      else if (key.text && !key.ctrl && !key.alt) this.#set({ logDraft: h.logDraft + key.text.replace(/\n/g, '') });
      return true;
    }
    const km = this.#host.keymap;
    const page = Math.max(1, this.#host.pageSize() - 1);
    switch (km.lookup('health', key) ?? km.lookup('list', key)) {
      case 'nav.down': this.move(1); return true;
      case 'nav.up': this.move(-1); return true;
      case 'nav.pageDown': this.move(page); return true;
      case 'nav.pageUp': this.move(-page); return true;
      case 'nav.top': this.move(-1e9); return true;
      case 'nav.bottom': this.move(1e9); return true;
      case 'health.nextTab': this.switchTab(1); return true;
      case 'health.prevTab': this.switchTab(-1); return true;
      case 'health.refresh': this.refresh(); return true;
      case 'health.cancel': void this.cancelSelected(); return true;
      case 'health.order': this.cycleOrder(); return true;
      case 'health.open': this.open(); return true;
      case 'health.copy': this.copy(); return true;
      case 'health.log':
        this.#set({ tab: 'advice', logDraft: h.logPath ?? '' });
        return true;
    }
    return false;
  }
}
