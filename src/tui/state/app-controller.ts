import type { Connection } from '../../core/db/connection.js';
import type { Target } from '../../core/db/conninfo/types.js';
import type { OpenOptions } from '../../core/db/open.js';
import type { Grammar } from '../../commands/invocation.js';
import { CommandSession } from '../../commands/session.js';
import type { PromptHistory } from '../../commands/user-config.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import { layout, type Layout } from '../layout.js';
import type { Size } from '../terminal/TerminalSize.js';
import { initialState, PANES, type AppState, type PaneId } from './app-state.js';
import { BrowserActions } from './browser-actions.js';
import { ConnectionController } from './connection-controller.js';
import { ObjectActions } from './object-actions.js';
import { newResult, ResultActions } from '../result/result-actions.js';
import type { EarlyStart } from './early-open.js';
import { PromptActions } from './prompt-actions.js';
import { Store } from './store.js';
import { ChecklistActions } from '../checklist/checklist-actions.js';
import { WizardActions } from '../wizard/wizard-actions.js';
import { WorkbenchActions } from '../workbench/workbench-actions.js';
import { HealthActions } from '../health/health-actions.js';
import { openInWorkbench } from '../health/workbench-hook.js';
import { healthSchemas } from '../health/health-state.js';
import { DiffActions, isDiffLine } from '../diff/diff-actions.js';
import { textOutput } from '../../commands/output.js';
import { routeExplain, type ExplainRoute } from '../workbench/explain-line.js';

/** What the app needs from the world; tests replace the terminal-facing parts. */
export interface AppServices {
  env: NodeJS.ProcessEnv;
  grammar: Grammar;
  history: PromptHistory;
  keymap: Keymap;
  /** raw bytes to the terminal (OSC 52) */
  writeTerminal(s: string): void;
  quit(): void;
  suspend(): void;
  /** hands the terminal to $EDITOR; resolves what was saved */
  editText(text: string, name: string): { text?: string; error?: string };
  /** saved connections by name → conninfo */
  connections(): Record<string, string>;
  /** a saved name or a conninfo → a target */
  resolveSpec(spec: string): Target;
  openOptions?: OpenOptions;
}

const QUIT_WINDOW_MS = 2000;

/** Owns the app's state and everything keys can do; views read the store and call these. */
export class AppController {
  readonly store: Store<AppState>;
  readonly connection: ConnectionController;
  readonly session: CommandSession;
  readonly browser: BrowserActions;
  readonly prompt: PromptActions;
  readonly objects: ObjectActions;
  readonly checklist: ChecklistActions;
  readonly wizard: WizardActions;
  readonly workbench: WorkbenchActions;
  readonly health: HealthActions;
  readonly diff: DiffActions;
  readonly results: ResultActions;
  readonly services: AppServices;
  size: Size = { columns: 80, rows: 24 };

  constructor(services: AppServices, description: string) {
    this.services = services;
    this.store = new Store(initialState(description));
    this.connection = new ConnectionController(this.store, services.openOptions);
    this.session = new CommandSession({
      connection: () => this.connection.conn,
      grammar: services.grammar,
      env: services.env,
      host: {
        quit: () => this.quit(),
        switchConnection: (spec) => this.switchConnection(spec),
        confirm: (q) => this.confirm(q),
        onWriteMode: (on) => this.store.set((s) => ({ conn: { ...s.conn, writeMode: on } })),
      },
    });
    this.connection.onAttached = () => this.session.resetWriteMode();
    this.browser = new BrowserActions(this.store, () => this.layout);
    this.objects = new ObjectActions(this.store, services, () => this.connection.conn, (text, tone) => this.message(text, tone));
    this.prompt = new PromptActions(this.store, services.history, {
      commands: services.grammar.commands,
      connectionOptions: services.grammar.connectionOptions,
      relations: () => (this.store.get().catalog.items ?? []).filter((i) => i.kind !== 'schema' && i.kind !== 'function').map((i) => `${i.schema}.${i.name}`),
    });
    this.checklist = new ChecklistActions(this.store, {
      conn: () => this.connection.conn,
      writeMode: () => this.session.writeMode,
      confirm: (q) => this.confirm(q),
      message: (text, tone) => this.message(text, tone),
      refresh: () => this.connection.refresh(),
      jumpTo: (q) => { this.switchPane('browser'); this.browser.jumpTo(q); },
      writeTerminal: (s) => services.writeTerminal(s),
      env: services.env,
      cwd: process.cwd(),
      pageSize: () => this.layout.listRows,
    });
    this.workbench = new WorkbenchActions(this.store, {
      conn: () => this.connection.conn,
      writeMode: () => this.session.writeMode,
      confirm: (q) => this.confirm(q),
      message: (text, tone) => this.message(text, tone),
      showResult: (title, output) => {
        this.session.remember(output);
        this.store.set({ result: newResult(title, output), resultOpen: true });
      },
      writeTerminal: (s) => services.writeTerminal(s),
      editText: (text, name) => services.editText(text, name),
      keymap: services.keymap,
      env: services.env,
      pageSize: () => this.layout.listRows,
    });
    this.wizard = new WizardActions(this.store, {
      conn: () => this.connection.conn,
      snapshot: () => this.store.get().catalog.snapshot,
      writeMode: () => this.session.writeMode,
      confirm: (q) => this.confirm(q),
      message: (text, tone) => this.message(text, tone),
      refresh: () => this.connection.refresh(),
      keymap: services.keymap,
      env: services.env,
      cwd: process.cwd(),
    });
    this.health = new HealthActions(this.store, {
      conn: () => this.connection.conn,
      schemas: () => healthSchemas(this.store.get()),
      confirm: (q) => this.confirm(q),
      message: (text, tone) => this.message(text, tone),
      openInWorkbench: (sql) => openInWorkbench(this, sql),
      writeTerminal: (s) => services.writeTerminal(s),
      keymap: services.keymap,
      pageSize: () => this.layout.listRows,
      refreshMs: Number(services.env.TW_HEALTH_REFRESH_MS) || 3000,
    });
    this.diff = new DiffActions(this.store, {
      conn: () => this.connection.conn,
      resolveSpec: (spec) => services.resolveSpec(spec),
      message: (text, tone) => this.message(text, tone),
      showText: (title, text) => this.store.set({ result: newResult(title, textOutput(text)), resultOpen: true }),
      grammar: services.grammar,
      keymap: services.keymap,
      cwd: () => process.cwd(),
    });
    this.results = new ResultActions(this.store, {
      layout: () => this.layout,
      message: (text, tone) => this.message(text, tone),
      writeTerminal: (s) => services.writeTerminal(s),
      env: services.env,
      openPrompt: (initial) => this.prompt.open(initial),
    });
    if (services.keymap.problems.length) this.store.set({ message: { text: services.keymap.problems.join('; '), tone: 'warn' } });
  }

  get layout(): Layout {
    return layout(this.size);
  }

  attach(conn: Connection): void {
    this.connection.attach(conn);
  }

  open(target: Target, early?: EarlyStart): Promise<unknown> {
    return early ? this.connection.adopt(target, early) : this.connection.open(target);
  }

  message(text: string, tone: 'info' | 'ok' | 'warn' | 'error' = 'info'): void {
    this.store.set({ message: { text, tone } });
  }

  switchPane(to: PaneId | number): void {
    const s = this.store.get();
    const i = typeof to === 'number' ? ((to % PANES.length) + PANES.length) % PANES.length : PANES.indexOf(to);
    this.store.set({ pane: PANES[i]!, resultOpen: false, overlay: s.overlay?.kind === 'help' ? null : s.overlay });
  }

  cyclePane(delta: number): void {
    this.switchPane(PANES.indexOf(this.store.get().pane) + delta);
  }

  toggleHelp(): void {
    this.store.set((s) => ({ overlay: s.overlay?.kind === 'help' ? null : { kind: 'help', scroll: 0 } }));
  }

  scrollHelp(delta: number): void {
    this.store.set((s) => (s.overlay?.kind === 'help' ? { overlay: { ...s.overlay, scroll: Math.max(0, s.overlay.scroll + delta) } } : {}));
  }

  quit(): void {
    this.services.quit();
  }

  /** Ctrl+C: cancel what runs; with nothing running, a second press within 2 s quits. */
  async interrupt(): Promise<void> {
    const s = this.store.get();
    const conn = this.connection.conn;
    if (s.prompt.busy && conn) {
      if (!conn.canCancel) return this.message('the embedded database cannot cancel a running statement; it stops at statement_timeout', 'warn');
      this.message('cancelling…', 'info');
      const n = await conn.cancel().catch(() => 0);
      // the statement's own "statement cancelled" may already be showing: only report a miss
      if (!n && this.store.get().prompt.busy) this.message('nothing to cancel yet; press Ctrl+C again', 'info');
      return;
    }
    if (s.interruptAt && Date.now() - s.interruptAt < QUIT_WINDOW_MS) return this.quit();
    this.store.set({ interruptAt: Date.now(), message: { text: 'press Ctrl+C again to quit (or q)', tone: 'info' } });
  }

  /** Runs the prompt line through the shared command session; results go to the result view. */
  async submit(): Promise<void> {
    const line = this.prompt.take().trim();
    if (!line) return this.prompt.close();
    this.prompt.close();
    if (isDiffLine(line)) return this.diff.open(line);
    const ex = routeExplain(line);
    if (ex) return this.#openExplain(ex);
    this.store.set((s) => ({ prompt: { ...s.prompt, busy: true }, message: { text: `running: ${line}`, tone: 'info' } }));
    const out = await this.session.execute(line);
    this.store.set((s) => ({ prompt: { ...s.prompt, busy: false } }));
    if (out.quit) return;
    if (out.connectionLost) this.connection.markLost(new Error(out.error ?? 'connection lost'));
    if (out.blocks.length) this.store.set({ result: newResult(line, { ...out, expanded: out.expanded ?? this.session.expanded }), resultOpen: true });
    if (out.error) this.store.set({ message: { text: out.error, tone: 'error', at: out.errorAt } });
    else this.message(out.status ?? 'done', 'ok');
    // DDL typed at the prompt (or a new-table it applied) changes what the Browser should show
    if (!out.error && (/^\s*(create|alter|drop|comment)\b/i.test(line) || /^\s*new-table\b.*\s--apply\b/.test(line))) void this.connection.refresh();
  }

  /** `:explain` in the app: a saved plan or a statement opens in the Workbench pane. */
  async #openExplain(ex: ExplainRoute): Promise<void> {
    this.switchPane('workbench');
    return ex.kind === 'sql' ? this.workbench.explainSql(ex.sql) : this.workbench.openPlanFile(ex.path);
  }

  /** Moves the result grid's cursor (or scrolls a text result), kept within its content. */
  scrollResult(dy: number, dx = 0): void {
    this.results.move(dy, dx);
  }

  confirm(question: string): Promise<boolean> {
    return new Promise((resolve) => this.store.set({ overlay: { kind: 'confirm', question, resolve } }));
  }

  answer(ok: boolean): void {
    const o = this.store.get().overlay;
    if (o?.kind !== 'confirm') return;
    this.store.set({ overlay: null });
    o.resolve(ok);
  }

  async toggleWrite(): Promise<void> {
    const out = await this.session.execute(`write ${this.session.writeMode ? 'off' : 'on'}`);
    this.message(out.error ?? out.status ?? '', out.error ? 'error' : 'ok');
  }

  async switchConnection(spec: string): Promise<string> {
    let target: Target;
    try {
      target = this.services.resolveSpec(spec);
    } catch (err) {
      return `could not switch: ${(err as Error).message}`;
    }
    const conn = await this.connection.open(target);
    return conn ? `connected to ${this.store.get().conn.description}` : `could not switch; still on ${this.store.get().conn.description}`;
  }

  openConnections(): void {
    this.store.set({ overlay: { kind: 'connections', cursor: 0 } });
  }

  connectionChoices(): { name: string; conninfo: string }[] {
    return [{ name: 'demo', conninfo: 'the embedded demo database' }, ...Object.entries(this.services.connections()).map(([name, conninfo]) => ({ name, conninfo }))];
  }

  moveConnectionCursor(delta: number): void {
    const o = this.store.get().overlay;
    if (o?.kind !== 'connections') return;
    const n = this.connectionChoices().length;
    this.store.set({ overlay: { ...o, cursor: Math.max(0, Math.min(n - 1, o.cursor + delta)) } });
  }

  async chooseConnection(): Promise<void> {
    const o = this.store.get().overlay;
    if (o?.kind !== 'connections') return;
    const choice = this.connectionChoices()[o.cursor];
    this.store.set({ overlay: null });
    if (choice) this.message(await this.switchConnection(choice.name), 'info');
  }

  refresh(): void {
    this.message('re-reading the schema…');
    void this.connection.refresh();
  }

  dispose(): Promise<void> {
    this.health.stop();
    return this.connection.dispose();
  }
}
