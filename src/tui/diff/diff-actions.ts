import { join } from 'node:path';
import type { Connection } from '../../core/db/connection.js';
import type { Target } from '../../core/db/conninfo/types.js';
import { isUserError, UserError } from '../../core/errors.js';
import type { SchemaSnapshot } from '../../core/introspect/types.js';
import type { Command } from '../../cli/command.js';
import { parseOptions, type Grammar } from '../../commands/invocation.js';
import { borrowedConnection } from '../../commands/shared-connection.js';
import { tokenize } from '../../commands/tokenize.js';
import type { Key } from '../keys/key.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import type { DiffState } from './diff-state.js';

export interface DiffHost {
  conn(): Connection | undefined;
  resolveSpec(spec: string): Target;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  showText(title: string, text: string): void;
  grammar: Grammar;
  keymap: Keymap;
  /** where migrations are written (read when writing) */
  cwd(): string;
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** `diff …` and `:diff …` lines open this view instead of printing text. */
export const isDiffLine = (line: string): boolean => /^:?diff(\s|$)/.test(line.trim()) && !/\s(--help|-h)(\s|$)/.test(line);

/**
 * The Diff view's actions: reads both sides once, then re-plans locally as renames are confirmed
 * or declined, and writes the migration (Alembic when the project has a versions directory).
 */
export class DiffActions {
  readonly #store: Store<AppState>;
  readonly #host: DiffHost;
  #from: SchemaSnapshot | null = null;
  #to: SchemaSnapshot | null = null;
  #pgVersion: number | undefined;

  constructor(store: Store<AppState>, host: DiffHost) {
    this.#store = store;
    this.#host = host;
  }

  #set(patch: Partial<DiffState>): void {
    this.#store.set((s) => ({ diff: { ...s.diff, ...patch } }));
  }

  get #s(): DiffState {
    return this.#store.get().diff;
  }

  /** Runs a `diff --to SOURCE [--from SOURCE] [--rename …]` line into the view. */
  async open(line: string): Promise<void> {
    const command = this.#host.grammar.commands.find((c) => c.name === 'diff') as Command;
    const tokens = tokenize(line.trim().replace(/^:/, '')).slice(1);
    this.#set({ open: true, busy: true, error: undefined, written: undefined, rows: [], plan: null, candidates: [], cursor: 0 });
    try {
      const { values } = parseOptions(command, tokens, this.#host.grammar);
      const to = values.to as string | undefined;
      if (!to) throw new UserError('diff needs --to SOURCE: a .sql schema file, a snapshot .json, a connection URL or demo');
      const { loadDiffSource } = await import('../../core/diff/index.js');
      const conn = this.#host.conn();
      const o = { current: async () => { if (!conn) throw new Error('not connected yet'); return borrowedConnection(conn); }, resolve: (s: string) => this.#host.resolveSpec(s) };
      this.#from = await loadDiffSource(values.from as string | undefined, o);
      this.#to = await loadDiffSource(to, o);
      this.#pgVersion = values['pg-version'] ? Number(values['pg-version']) : undefined;
      const format = values.format === 'alembic' ? 'alembic' : 'sql';
      this.#set({ title: `${(values.from as string | undefined) ?? 'live database'} → ${to}`, renames: listOf(values.rename), noRenames: !!values['no-renames'], format });
      await this.#replan();
    } catch (err) {
      this.#set({ busy: false, error: (err as Error).message.split('\n')[0] });
    }
  }

  async #replan(): Promise<void> {
    if (!this.#from || !this.#to) return;
    const { diffSnapshots, parseRenameSpec, planMigration } = await import('../../core/diff/index.js');
    const s = this.#s;
    try {
      const diff = diffSnapshots(this.#from, this.#to, { renames: s.renames.map((r) => parseRenameSpec(r, this.#from!)) });
      const pending = s.noRenames ? [] : diff.renameCandidates;
      const plan = pending.length ? null : planMigration(diff.changes, { pgVersion: this.#pgVersion, fromSnapshot: this.#from });
      this.#set({ busy: false, rows: diff.changes.map((c) => ({ summary: c.summary, risk: c.risk })), candidates: pending, plan, cursor: Math.min(s.cursor, Math.max(0, pending.length + diff.changes.length - 1)) });
    } catch (err) {
      this.#set({ busy: false, error: isUserError(err) ? err.message : String((err as Error).message).split('\n')[0] });
    }
  }

  close(): void {
    this.#set({ open: false });
  }

  move(delta: number): void {
    const s = this.#s;
    const n = s.candidates.length + s.rows.length;
    this.#set({ cursor: Math.max(0, Math.min(Math.max(0, n - 1), s.cursor + delta)) });
  }

  /** `r` on a candidate: it is a rename. */
  async confirmRename(): Promise<void> {
    const s = this.#s;
    const c = s.candidates[s.cursor];
    if (!c) return this.#host.message('move to a possible rename (the ? rows) first', 'info');
    this.#set({ renames: [...s.renames, c.flag.replace(/^--rename /, '')] });
    await this.#replan();
  }

  /** `n`: the remaining candidates are a drop and an add. */
  async declineRenames(): Promise<void> {
    this.#set({ noRenames: true });
    await this.#replan();
  }

  toggleFormat(): void {
    this.#set({ format: this.#s.format === 'sql' ? 'alembic' : 'sql' });
  }

  async #render(): Promise<string | undefined> {
    const s = this.#s;
    if (!s.plan) {
      this.#host.message(s.candidates.length ? 'decide the possible renames first: r renames, n drops and adds' : 'nothing to migrate yet', 'warn');
      return undefined;
    }
    const { renderAlembicRevision, renderSqlMigration } = await import('../../core/diff/index.js');
    return s.format === 'sql' ? renderSqlMigration(s.plan).upgrade : renderAlembicRevision(s.plan, { revision: 'preview', downRevision: null, message: 'schema diff' });
  }

  /** Enter: the migration text in the result view. */
  async show(): Promise<void> {
    const text = await this.#render();
    if (text !== undefined) this.#host.showText(`diff · ${this.#s.format}`, text);
  }

  /** `w`: an Alembic revision into the project's versions directory, else `migrations/<time>_diff.sql` (+ `.down.sql`). */
  async write(): Promise<void> {
    const s = this.#s;
    if (!s.plan) { await this.#render(); return; }
    if (!s.rows.length) return this.#host.message('no changes: nothing to write', 'info');
    const d = await import('../../core/diff/index.js');
    try {
      if (s.format === 'alembic') {
        const versions = d.findVersionsDir(this.#host.cwd()) ?? join(this.#host.cwd(), 'alembic', 'versions');
        const revision = d.newRevisionId();
        const where = await d.alembicTarget(`${versions}/`, 'schema diff', revision);
        d.writeMigrationFile(where.path, d.renderAlembicRevision(s.plan, { revision, downRevision: where.downRevision, message: 'schema diff', createDate: new Date().toISOString().replace('T', ' ').slice(0, 19) }));
        this.#set({ written: where.path });
      } else {
        const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
        const path = join(this.#host.cwd(), 'migrations', `${stamp}_diff.sql`);
        const sql = d.renderSqlMigration(s.plan);
        d.writeMigrationFile(path, sql.upgrade);
        d.writeMigrationFile(path.replace(/\.sql$/, '.down.sql'), sql.downgrade);
        this.#set({ written: path });
      }
      this.#host.message(`wrote ${this.#s.written}`, 'ok');
    } catch (err) {
      this.#host.message((err as Error).message.split('\n')[0]!, 'error');
    }
  }

  /** Keys while the view is open; false leaves the key to the global scope. */
  handleKey(key: Key): boolean {
    const id = this.#host.keymap.lookup('diff', key);
    switch (id) {
      case 'diff.close': this.close(); return true;
      case 'diff.down': this.move(1); return true;
      case 'diff.up': this.move(-1); return true;
      case 'diff.show': void this.show(); return true;
      case 'diff.write': void this.write(); return true;
      case 'diff.format': this.toggleFormat(); return true;
      case 'diff.rename': void this.confirmRename(); return true;
      case 'diff.noRenames': void this.declineRenames(); return true;
      default: return false;
    }
  }
}
