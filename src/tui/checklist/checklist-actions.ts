import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../../core/db/connection.js';
import { checkMigrationFiles } from '../../core/migrations/index.js';
import { gatherRuleStats, lintSnapshot, SCHEMA_RULES } from '../../core/rules/index.js';
import type { Finding } from '../../core/rules/types.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { osc52 } from '../terminal/clipboard.js';
import type { ChecklistState } from './checklist-state.js';
import { checklistRows, GROUPS, tableOf, type ChecklistRow } from './rows.js';

/** Where a project usually keeps its migrations, looked for in the working directory. */
const MIGRATION_DIRS = ['alembic/versions', 'migrations/versions', 'migrations', 'db/migrations', 'sql/migrations'];

export interface ChecklistHost {
  conn(): Connection | undefined;
  writeMode(): boolean;
  confirm(question: string): Promise<boolean>;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  refresh(): Promise<void>;
  jumpTo(qname: string): void;
  writeTerminal(s: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  pageSize(): number;
}

const categoryOf = (ruleId: string) => SCHEMA_RULES.find((r) => r.id === ruleId)?.category ?? 'migration';

/**
 * The Checklist pane's actions. The rules re-run whenever the catalog has a newer snapshot than
 * the last result (a refresh, DDL at the prompt, a fix applied here), so the list is always live.
 */
export class ChecklistActions {
  readonly #store: Store<AppState>;
  readonly #host: ChecklistHost;

  constructor(store: Store<AppState>, host: ChecklistHost) {
    this.#store = store;
    this.#host = host;
    store.subscribe(() => {
      const s = store.get();
      const stale = s.catalog.snapshot && s.catalog.snapshot !== s.checklist.of && !s.checklist.running;
      if (stale && (s.pane === 'checklist' || s.checklist.result)) void this.run();
    });
  }

  #set(patch: Partial<ChecklistState>): void {
    this.#store.set((s) => ({ checklist: { ...s.checklist, ...patch } }));
  }

  #setMigrations(patch: Partial<ChecklistState['migrations']>): void {
    this.#store.set((s) => ({ checklist: { ...s.checklist, migrations: { ...s.checklist.migrations, ...patch } } }));
  }

  rows(): ChecklistRow[] {
    const c = this.#store.get().checklist;
    if (c.tab === 'migrations') return c.migrations.result ? checklistRows(c.migrations.result, 'table', categoryOf) : [];
    return c.result ? checklistRows(c.result, c.group, categoryOf) : [];
  }

  selected(): ChecklistRow | undefined {
    const c = this.#store.get().checklist;
    return this.rows()[c.tab === 'migrations' ? c.migrations.cursor : c.cursor];
  }

  async run(): Promise<void> {
    const snapshot = this.#store.get().catalog.snapshot;
    const conn = this.#host.conn();
    if (!snapshot || !conn) return;
    this.#set({ running: true, of: snapshot, error: undefined });
    try {
      const stats = await gatherRuleStats(conn, snapshot);
      const result = lintSnapshot(snapshot, { stats });
      const n = checklistRows(result, this.#store.get().checklist.group, categoryOf).length;
      this.#store.set((s) => ({ checklist: { ...s.checklist, result, running: false, cursor: Math.min(s.checklist.cursor, Math.max(0, n - 1)) } }));
    } catch (err) {
      this.#set({ running: false, error: String((err as Error)?.message ?? err).split('\n')[0] });
    }
  }

  move(delta: number): void {
    const n = this.rows().length;
    const c = this.#store.get().checklist;
    const clamp = (x: number) => Math.max(0, Math.min(Math.max(0, n - 1), x));
    if (c.tab === 'migrations') this.#setMigrations({ cursor: clamp(c.migrations.cursor + delta) });
    else this.#set({ cursor: clamp(c.cursor + delta) });
  }

  page(dir: 1 | -1): void {
    this.move(dir * Math.max(1, this.#host.pageSize() - 1));
  }

  cycleGroup(): void {
    const c = this.#store.get().checklist;
    this.#set({ group: GROUPS[(GROUPS.indexOf(c.group) + 1) % GROUPS.length]!, cursor: 0 });
  }

  switchTab(): void {
    const c = this.#store.get().checklist;
    const tab = c.tab === 'schema' ? 'migrations' : 'schema';
    this.#set({ tab });
    if (tab === 'migrations' && !c.migrations.result && !c.migrations.running) {
      const found = c.migrations.path ?? MIGRATION_DIRS.find((d) => existsSync(join(this.#host.cwd, d))) ?? null;
      if (found) void this.checkMigrations(found);
      else this.#host.message(`no migrations directory here (${MIGRATION_DIRS.join(', ')}); press p to give a file or directory`, 'info');
    }
  }

  /** Enter on a finding: show its table in the Browser. */
  open(): boolean {
    const r = this.selected();
    if (r?.kind !== 'finding') return false;
    const q = tableOf(r.finding);
    if (!q) {
      this.#host.message(`${r.finding.ruleId} is about ${r.finding.target.object ?? r.finding.target.file ?? 'the database'}, not a table`, 'info');
      return true;
    }
    this.#host.jumpTo(q);
    return true;
  }

  #fixOf(): { f: Finding; sql: string } | undefined {
    const r = this.selected();
    if (r?.kind !== 'finding') return undefined;
    const sql = r.finding.fix?.sql ?? r.finding.fix?.alembic;
    if (!sql) {
      this.#host.message(`${r.finding.ruleId} has no fix SQL${r.finding.fix?.steps?.length ? ': see the steps' : ''}`, 'info');
      return undefined;
    }
    return { f: r.finding, sql };
  }

  copyFix(): void {
    const fix = this.#fixOf();
    if (!fix) return;
    this.#host.writeTerminal(osc52(fix.sql, this.#host.env));
    this.#host.message('fix SQL copied to the clipboard (OSC 52)', 'ok');
  }

  /** Runs the fix on the database: only in write mode, only after a yes; then re-reads, which re-lints. */
  async runFix(): Promise<void> {
    const fix = this.#fixOf();
    const conn = this.#host.conn();
    if (!fix || !conn) return;
    if (this.#store.get().checklist.tab !== 'schema' || !fix.f.fix?.sql) return this.#host.message('only schema fixes with SQL can be run from here', 'info');
    if (conn.readOnly || !this.#host.writeMode()) return this.#host.message('the connection is read-only: press W to allow writes, then run the fix again', 'warn');
    if (!(await this.#host.confirm(`Run on ${conn.server.database}?  ${fix.f.fix.sql.replace(/\s+/g, ' ')}  [y/N]`))) return this.#host.message('not run', 'info');
    try {
      // one statement at a time: CREATE INDEX CONCURRENTLY refuses to run inside a multi-statement batch
      for (const stmt of fix.f.fix.sql.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await conn.exec(stmt.endsWith(';') ? stmt : `${stmt};`);
      this.#host.message(`${fix.f.ruleId} fixed; re-reading the schema`, 'ok');
      await this.#host.refresh();
    } catch (err) {
      this.#host.message(`the fix failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`, 'error');
    }
  }

  startPath(): void {
    this.#setMigrations({ draft: this.#store.get().checklist.migrations.path ?? '' });
  }

  typePath(text: string): void {
    this.#setMigrations({ draft: `${this.#store.get().checklist.migrations.draft ?? ''}${text}` });
  }

  backspacePath(): void {
    this.#setMigrations({ draft: [...(this.#store.get().checklist.migrations.draft ?? '')].slice(0, -1).join('') });
  }

  endPath(run: boolean): void {
    const draft = this.#store.get().checklist.migrations.draft?.trim();
    this.#setMigrations({ draft: null });
    if (run && draft) void this.checkMigrations(draft);
  }

  async checkMigrations(path: string): Promise<void> {
    const full = path.startsWith('/') ? path : join(this.#host.cwd, path);
    if (!existsSync(full)) return this.#setMigrations({ path, error: `${path} does not exist`, result: null });
    this.#setMigrations({ path, running: true, error: undefined });
    try {
      const snapshot = this.#store.get().catalog.snapshot ?? undefined;
      const conn = this.#host.conn();
      const pgVersion = conn ? Math.floor(conn.server.versionNum / 10000) : undefined;
      const result = await checkMigrationFiles([full], { snapshot, pgVersion });
      this.#setMigrations({ result, running: false, cursor: 0 });
    } catch (err) {
      this.#setMigrations({ running: false, error: String((err as Error)?.message ?? err).split('\n')[0] });
    }
  }
}
