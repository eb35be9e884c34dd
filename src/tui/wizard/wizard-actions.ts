import {
  alembicHead, applyDesign, detectLayout, draftChecklist, draftMigration, emptyDraft, evaluate, generateFiles, STEPS, writeDesign,
  type DesignLayout, type Evaluated, type TableDraft,
} from '../../core/design/index.js';
import { discardDraft, draftPath, loadDraft, saveDraft } from '../../core/design/saved.js';
import type { Connection } from '../../core/db/connection.js';
import { isUserError } from '../../core/errors.js';
import type { FkAction, SchemaSnapshot } from '../../core/introspect/types.js';
import type { Key } from '../keys/key.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { addColumns, addForeignKey, addIndex, columnSpec, removeColumn, replaceColumn } from './edits.js';
import { stepRows, type FormRow } from './rows.js';
import { wizardKey } from './wizard-keys.js';
import { completeField } from './complete.js';
import type { EditKind, WizardEval, WizardState } from './wizard-state.js';

export interface WizardHost {
  conn(): Connection | undefined;
  snapshot(): SchemaSnapshot | null;
  writeMode(): boolean;
  confirm(question: string): Promise<boolean>;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  refresh(): Promise<void>;
  keymap: Keymap;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const ON_DELETE: FkAction[] = ['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION'];
const PK: TableDraft['pk'][] = ['identity', 'uuid', 'natural'];
const oneLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0]!;

/**
 * The Wizard pane's actions: the draft is edited step by step, saved to the cache dir on every
 * change, and re-evaluated against the live snapshot (problems, checklist, generated files) each time.
 */
export class WizardActions {
  readonly #store: Store<AppState>;
  readonly #host: WizardHost;
  #seq = 0;
  #pending: Promise<void> = Promise.resolve();
  #snapOf: SchemaSnapshot | null = null;

  constructor(store: Store<AppState>, host: WizardHost) {
    this.#store = store;
    this.#host = host;
    store.subscribe(() => {
      const s = store.get();
      if (s.pane !== 'wizard') return;
      if (!s.wizard.draft) return this.start();
      if (s.catalog.snapshot && s.catalog.snapshot !== this.#snapOf && !s.wizard.evaluating) void this.evaluate();
    });
  }

  get state(): WizardState {
    return this.#store.get().wizard;
  }

  #set(patch: Partial<WizardState>): void {
    this.#store.set((s) => ({ wizard: { ...s.wizard, ...patch } }));
  }

  /** Resumes the saved draft, or begins a new one with the name being typed. */
  start(): void {
    if (this.state.draft) return;
    const saved = loadDraft(this.#host.env);
    if (saved) {
      this.#set({ draft: saved.draft, step: Math.min(saved.step, STEPS.length - 1), cursor: 0 });
      this.#host.message(`resumed the draft of ${saved.draft.schema}.${saved.draft.name || '(unnamed)'} from ${draftPath(this.#host.env)}; N starts a new one`, 'info');
    } else {
      this.#set({ draft: emptyDraft(), step: 0, cursor: 0, edit: { kind: 'name', label: 'table name', text: '' } });
    }
    void this.evaluate();
  }

  rows(): FormRow[] {
    const s = this.state;
    return s.draft ? stepRows(STEPS[s.step]!, s.draft, s.outputDir) : [];
  }

  /** Applies a change to the draft: saved at once (a crash loses nothing), then re-evaluated. */
  change(fn: (d: TableDraft) => TableDraft): void {
    const d = this.state.draft;
    if (!d) return;
    const next = fn(d);
    this.#set({ draft: next, cursor: Math.min(this.state.cursor, Math.max(0, stepRows(STEPS[this.state.step]!, next, this.state.outputDir).length - 1)) });
    this.#save();
    void this.evaluate();
  }

  #save(): void {
    const s = this.state;
    if (!s.draft) return;
    try {
      saveDraft(this.#host.env, { draft: s.draft, step: s.step });
    } catch (err) {
      this.#host.message(`the draft could not be saved: ${oneLine(err)}`, 'warn');
    }
  }

  #layout(name: string): { layout?: DesignLayout; layoutError?: string } {
    try {
      return { layout: detectLayout(this.#host.cwd, name, this.state.outputDir ?? undefined) };
    } catch (err) {
      return { layoutError: oneLine(err) };
    }
  }

  /** Problems, checklist and files of the current draft; a newer change supersedes a running evaluation. */
  evaluate(): Promise<void> {
    // recorded now, not when the run starts: store updates in between must not queue more runs
    this.#snapOf = this.#host.snapshot();
    const run = async () => {
      const draft = this.state.draft;
      const snap = this.#host.snapshot();
      const conn = this.#host.conn();
      if (!draft || !snap || !conn) return;
      const seq = ++this.#seq;
      this.#set({ evaluating: true });
      let result: WizardEval;
      try {
        const ev: Evaluated = await conn.withSession((s) => evaluate(s, snap, draft));
        const { layout, layoutError } = this.#layout(draft.name || 'table');
        const head = layout ? await alembicHead(layout.dirs.versions).catch(() => undefined) : undefined;
        const gen = draft.name ? generateFiles(ev, { downRevision: head }) : { files: [], warnings: [] };
        result = { of: draft, problems: ev.problems, checks: draftChecklist(ev), files: gen.files, warnings: gen.warnings.map((w) => `${w.object ? `${w.object}: ` : ''}${w.message}`), layout, layoutError, head };
      } catch (err) {
        result = { of: draft, problems: [{ step: 'review', message: `could not check the draft: ${oneLine(err)}` }], checks: [], files: [], warnings: [] };
      }
      if (seq === this.#seq) this.#set({ result, evaluating: false });
    };
    this.#pending = this.#pending.then(run, run);
    return this.#pending;
  }

  /** The evaluation of the draft as it is now. */
  async #fresh(): Promise<WizardEval | undefined> {
    if (this.state.result?.of !== this.state.draft) await this.evaluate();
    const r = this.state.result;
    return r?.of === this.state.draft ? r : undefined;
  }

  move(delta: number): void {
    const n = this.rows().length;
    this.#set({ cursor: Math.max(0, Math.min(Math.max(0, n - 1), this.state.cursor + delta)) });
  }

  goStep(delta: number): void {
    const step = Math.max(0, Math.min(STEPS.length - 1, this.state.step + delta));
    this.#set({ step, cursor: 0, edit: null });
    this.#save();
  }

  #edit(kind: EditKind, label: string, text = '', target?: string): void {
    this.#set({ edit: { kind, label, text, ...(target ? { target } : {}) } });
  }

  /** Enter on the text line: the edit takes effect, or its error shows and the text stays for fixing. */
  commitEdit(): void {
    const e = this.state.edit;
    if (!e) return;
    const text = e.text.trim();
    try {
      switch (e.kind) {
        case 'name': this.change((d) => ({ ...d, name: text })); break;
        case 'schema': this.change((d) => ({ ...d, schema: text || 'public' })); break;
        case 'comment': this.change((d) => ({ ...d, ...(text ? { comment: text } : { comment: undefined }) })); break;
        case 'addColumn': if (text) this.change((d) => addColumns(d, text)); break;
        case 'editColumn': if (text) this.change((d) => replaceColumn(d, e.target!, text)); break;
        case 'pkColumns': this.change((d) => ({ ...d, pk: 'natural', pkColumns: text.split(/[\s,]+/).filter(Boolean) })); break;
        case 'addFk': if (text) this.change((d) => addForeignKey(d, text)); break;
        case 'addIndex': if (text) this.change((d) => addIndex(d, text)); break;
        case 'outputDir': this.#set({ outputDir: text || null }); void this.evaluate(); break;
      }
    } catch (err) {
      if (!isUserError(err)) throw err;
      return this.#host.message(err.message, 'error');
    }
    this.#set({ edit: null });
    // naming the table is the first answer: go on to the columns
    if (e.kind === 'name' && this.state.step === 0 && text) this.goStep(1);
  }

  #row(): FormRow | undefined {
    return this.rows()[this.state.cursor];
  }

  /** Enter (and Space) on a row: edit its text, or cycle its choice. */
  activate(cycleOnly = false): void {
    const d = this.state.draft;
    const row = this.#row();
    if (!d || !row) return;
    const i = row.id.indexOf(':');
    const [kind, arg] = i < 0 ? [row.id, ''] : [row.id.slice(0, i), row.id.slice(i + 1)];
    if (row.id === 'name' && !cycleOnly) return this.#edit('name', 'table name', d.name);
    if (row.id === 'schema' && !cycleOnly) return this.#edit('schema', 'schema', d.schema);
    if (row.id === 'comment' && !cycleOnly) return this.#edit('comment', 'table comment', d.comment ?? '');
    if (row.id === 'add') return this.add();
    if (kind === 'column' && !cycleOnly) {
      const c = d.columns.find((x) => x.name === arg)!;
      return this.#edit('editColumn', `column ${c.name}`, columnSpec(c, d.foreignKeys.find((f) => f.column === c.name)), c.name);
    }
    if (row.id === 'pk') {
      if (d.pk === 'natural' && !cycleOnly) return this.#edit('pkColumns', 'key columns (comma-separated)', d.pkColumns.join(','));
      return this.change((x) => ({ ...x, pk: PK[(PK.indexOf(x.pk) + 1) % PK.length]! }));
    }
    if (['timestamps', 'softDelete', 'versionColumn', 'audit'].includes(row.id)) return this.change((x) => ({ ...x, [row.id]: !x[row.id as 'timestamps'] }));
    if (kind === 'fk') return this.change((x) => ({ ...x, foreignKeys: x.foreignKeys.map((f) => (f.column === arg ? { ...f, onDelete: ON_DELETE[(ON_DELETE.indexOf(f.onDelete) + 1) % ON_DELETE.length]! } : f)) }));
    if (kind === 'index') return this.change((x) => ({ ...x, indexes: x.indexes.map((ix, i) => (String(i) === arg ? { ...ix, unique: !ix.unique } : ix)) }));
    if (row.id === 'outputDir' && !cycleOnly) return this.#edit('outputDir', 'output directory for the package', this.state.outputDir ?? `generated/${d.name}`);
    if (row.id === 'write') return void this.write();
    if (row.id === 'apply') return void this.apply();
  }

  add(): void {
    const step = STEPS[this.state.step];
    if (step === 'columns') this.#edit('addColumn', 'new column (name:type[:unique][:null][:check(…)][=default]; fk(table) as the type for a reference)');
    else if (step === 'relations') this.#edit('addFk', `reference: column fk(table[, cascade|restrict|set null])  tables: ${this.#tableNames()}`);
    else if (step === 'indexes') this.#edit('addIndex', 'index: col[,col…] [unique] [where predicate]');
    else this.#host.message('a adds in the columns, relations and indexes steps', 'info');
  }

  #tableNames(): string {
    const snap = this.#host.snapshot();
    const names = snap ? Object.entries(snap.schemas).flatMap(([s, x]) => Object.keys(x.tables).map((t) => (s === 'public' ? t : `${s}.${t}`))) : [];
    return names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  }

  remove(): void {
    const row = this.#row();
    if (!row) return;
    const arg = row.id.slice(row.id.indexOf(':') + 1);
    if (row.id.startsWith('column:')) this.change((d) => removeColumn(d, arg));
    else if (row.id.startsWith('fk:') && STEPS[this.state.step] === 'indexes') this.change((d) => ({ ...d, foreignKeys: d.foreignKeys.map((f) => (f.column === arg ? { ...f, index: false } : f)) }));
    else if (row.id.startsWith('fk:')) this.change((d) => ({ ...d, foreignKeys: d.foreignKeys.filter((f) => f.column !== arg) }));
    else if (row.id.startsWith('index:')) this.change((d) => ({ ...d, indexes: d.indexes.filter((_, i) => String(i) !== arg) }));
  }

  toggleColumn(field: 'nullable' | 'unique'): void {
    const row = this.#row();
    if (row?.id.startsWith('column:')) {
      const name = row.id.slice(7);
      this.change((d) => ({ ...d, columns: d.columns.map((c) => (c.name === name ? { ...c, [field]: !c[field] } : c)) }));
    } else if (field === 'unique' && row?.id.startsWith('index:')) this.activate(true);
  }

  toggleFkIndex(): void {
    const row = this.#row();
    if (!row?.id.startsWith('fk:')) return;
    const col = row.id.slice(3);
    this.change((d) => ({ ...d, foreignKeys: d.foreignKeys.map((f) => (f.column === col ? { ...f, index: !f.index } : f)) }));
  }

  /** The one-key fix of the first (or every) checklist item that has one. */
  async fix(all: boolean): Promise<void> {
    const r = await this.#fresh();
    const fixable = (r?.checks ?? []).filter((c) => c.fix);
    if (!fixable.length) return this.#host.message(r?.checks.length ? 'no one-key fix for what is left; see the checklist' : 'the checklist is clean', 'info');
    const chosen = all ? fixable : fixable.slice(0, 1);
    this.change((d) => chosen.reduce((x, c) => c.fix!.apply(x), d));
    this.#host.message(`fixed: ${chosen.map((c) => `${c.ruleId} ${c.fix!.label}`).join('; ')}`, 'ok');
  }

  previewTab(delta: number): void {
    const n = this.state.result?.files.length ?? 1;
    this.#set({ previewTab: (((this.state.previewTab + delta) % n) + n) % n, previewScroll: 0 });
  }

  scrollPreview(delta: number): void {
    this.#set({ previewScroll: Math.max(0, this.state.previewScroll + delta) });
  }

  async #ready(): Promise<WizardEval | undefined> {
    const r = await this.#fresh();
    if (!r) { this.#host.message('the draft is still being checked; try again in a moment', 'info'); return undefined; }
    const p = r.problems[0];
    if (p) {
      this.#set({ step: STEPS.indexOf(p.step), cursor: 0 });
      this.#host.message(`${p.message} (${r.problems.length} problem${r.problems.length > 1 ? 's' : ''}; nothing written)`, 'error');
      return undefined;
    }
    return r;
  }

  /** Writes every file where the project keeps them; asks for a directory when the project has no layout. */
  async write(): Promise<void> {
    const r = await this.#ready();
    if (!r) return;
    if (!r.layout) {
      this.#set({ step: STEPS.indexOf('review'), cursor: 0 });
      this.#edit('outputDir', `${r.layoutError ?? 'no layout'} — output directory`, `generated/${this.state.draft!.name}`);
      return this.#host.message('choose where the files go (Enter), then press w again', 'info');
    }
    try {
      const report = writeDesign(r.layout, r.files);
      this.#set({ written: [...report.written, ...report.unchanged] });
      this.#host.message(`${report.written.length} file(s) written, ${report.unchanged.length} unchanged (${r.layout.detected})`, 'ok');
    } catch (err) {
      this.#host.message(oneLine(err), 'error');
    }
  }

  /** Runs the migration on the connected database: write mode, a yes, one transaction; then the snapshot is re-read. */
  async apply(): Promise<void> {
    const conn = this.#host.conn();
    if (!conn) return;
    if (conn.readOnly || !this.#host.writeMode()) return this.#host.message('the connection is read-only: press W to allow writes, then x again', 'warn');
    const r = await this.#ready();
    const snap = this.#host.snapshot();
    if (!r || !snap) return;
    const ev = await conn.withSession((s) => evaluate(s, snap, r.of));
    const plan = draftMigration(ev);
    const q = `${ev.draft.schema}.${ev.draft.name}`;
    if (!(await this.#host.confirm(`Create ${q} on ${conn.server.database}? ${plan.upgrade.length} statements in one transaction: ${plan.upgrade.map((s) => s.change).filter((c, i, a) => a.indexOf(c) === i).join(', ')}  [y/N]`))) return this.#host.message('not applied', 'info');
    try {
      const res = await applyDesign(conn, plan.upgrade, { revision: ev.draft.revision, downRevision: r.head });
      discardDraft(this.#host.env);
      this.#set({ draft: emptyDraft(), step: 0, cursor: 0, result: null, written: [], edit: null });
      await this.#host.refresh();
      this.#host.message(`${q} created (${res.statements} statements${res.stamped ? `, alembic_version → ${res.stamped}` : ''}); the Browser and Checklist show it. N/Enter starts the next table`, 'ok');
    } catch (err) {
      this.#host.message(oneLine(err), 'error');
    }
  }

  async discard(): Promise<void> {
    if (!(await this.#host.confirm('Discard this draft and start a new one? [y/N]'))) return;
    discardDraft(this.#host.env);
    this.#set({ draft: emptyDraft(), step: 0, cursor: 0, result: null, written: [], edit: { kind: 'name', label: 'table name', text: '' } });
  }

  /** Keys of the pane; false when the key is not the wizard's (global keys then apply). */
  handleKey(key: Key): boolean {
    if (!this.state.draft) this.start();
    return wizardKey(this, this.#host.keymap, key);
  }

  /** Changes the text of the open line (typing, backspace, clearing). */
  editText(fn: (text: string) => string): void {
    const e = this.state.edit;
    if (e) this.#set({ edit: { ...e, text: fn(e.text) } });
  }

  /** Tab in a column or reference line: completes the type, modifier or table being typed. */
  complete(): void {
    const e = this.state.edit;
    if (!e) return;
    const r = completeField(e.kind === 'addFk' && !/fk\(/.test(e.text) && /\s/.test(e.text) ? e.text.replace(/\s+(\S*)$/, ' fk($1') : e.text, this.#host.snapshot());
    this.#set({ edit: { ...e, text: r.text } });
    if (r.candidates.length) this.#host.message(r.candidates.slice(0, 20).join('  ') + (r.candidates.length > 20 ? '  …' : ''), 'info');
  }

  cancelEdit(): void {
    this.#set({ edit: null });
  }
}
