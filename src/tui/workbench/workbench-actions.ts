import { readFileSync } from 'node:fs';
import type { Connection } from '../../core/db/connection.js';
import { userPath } from '../../core/paths.js';
import {
  ExplainSqlError, explainStatement, indexCandidates, loadSnippets, parsePlan, planInsights, rankInsights, staleStatsInsights, whatIfIndexes, type Insight, type PlanTree, type Snippet,
} from '../../core/explain/index.js';
import { classifyStatement } from '../../core/explain/statement.js';
import { errorPosition } from '../../commands/sql-error.js';
import { runSql } from '../../commands/run-sql.js';
import type { Output } from '../../commands/output.js';
import type { Key } from '../keys/key.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { osc52, OSC52_MAX_BYTES } from '../terminal/clipboard.js';
import { backspace, bufferText, deleteForward, fromText, insert, move } from './editor.js';
import { WorkbenchHistory } from './history.js';
import { visibleNodes } from './plan-view.js';
import { BAR_METRICS, PLAN_VIEWS, type WorkbenchState } from './workbench-state.js';

export interface WorkbenchHost {
  conn(): Connection | undefined;
  writeMode(): boolean;
  confirm(question: string): Promise<boolean>;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  showResult(title: string, output: Output): void;
  writeTerminal(s: string): void;
  editText(text: string, name: string): { text?: string; error?: string };
  keymap: Keymap;
  env: NodeJS.ProcessEnv;
  pageSize(): number;
}

const PASS_THROUGH = new Set(['ctrl+c', 'ctrl+q', 'ctrl+z', 'f1']);
const keyName = (k: Key) => `${k.ctrl ? 'ctrl+' : ''}${k.alt ? 'alt+' : ''}${k.name}`;

/**
 * The Workbench pane's actions: an SQL editor with history and snippets, run (result grid), the
 * safe EXPLAIN runner, and "try it" for an insight (a what-if index or a SET LOCAL re-run).
 */
export class WorkbenchActions {
  readonly #store: Store<AppState>;
  readonly #host: WorkbenchHost;
  readonly history: WorkbenchHistory;
  #snippets: Snippet[] | undefined;

  constructor(store: Store<AppState>, host: WorkbenchHost) {
    this.#store = store;
    this.#host = host;
    this.history = new WorkbenchHistory(host.env, !host.env.TW_NO_HISTORY);
  }

  get state(): WorkbenchState {
    return this.#store.get().workbench;
  }

  #set(patch: Partial<WorkbenchState>): void {
    this.#store.set((s) => ({ workbench: { ...s.workbench, ...patch } }));
  }

  snippets(): Snippet[] {
    return (this.#snippets ??= loadSnippets());
  }

  /** Keys while the editor (or the snippet picker) has the focus; false lets the app have them. */
  handleKey(key: Key): boolean {
    const w = this.state;
    if (w.snippets !== null) return this.#snippetKey(key);
    if (w.focus !== 'editor') return false;
    // Ctrl+C, help, Alt+digit and Shift+Tab still switch, cancel and quit from the editor
    if (PASS_THROUGH.has(keyName(key)) || (key.alt && /^[1-9]$/.test(key.name)) || (key.name === 'tab' && key.shift)) return false;
    const id = this.#host.keymap.lookup('editor', key);
    if (id) {
      void this.command(id);
      return true;
    }
    const e = w.editor;
    let next = e;
    if (key.text && !key.ctrl && !key.alt) next = insert(e, key.text);
    else if (key.name === 'enter' && !key.alt) next = insert(e, '\n');
    else if (key.name === 'tab' && !key.shift) next = insert(e, '  ');
    else if (key.name === 'backspace') next = backspace(e);
    else if (key.name === 'delete') next = deleteForward(e);
    else if (['left', 'right', 'up', 'down', 'home', 'end'].includes(key.name)) next = move(e, key.name as 'left');
    else if (key.ctrl && key.name === 'a') next = move(e, 'home');
    else if (key.ctrl && key.name === 'e') next = move(e, 'end');
    if (next !== e) this.#set({ editor: next, historyIndex: null });
    return true;
  }

  #snippetKey(key: Key): boolean {
    const list = this.snippets();
    const i = this.state.snippets ?? 0;
    if (key.name === 'esc' || key.name === 'q') this.#set({ snippets: null });
    else if (key.name === 'down' || key.name === 'j') this.#set({ snippets: Math.min(list.length - 1, i + 1) });
    else if (key.name === 'up' || key.name === 'k') this.#set({ snippets: Math.max(0, i - 1) });
    else if (key.name === 'enter' && list[i]) {
      this.#set({ snippets: null, editor: fromText(list[i]!.sql), focus: 'editor' });
      this.#host.message(`snippet ${list[i]!.name}: F5 runs it`, 'info');
    }
    return true;
  }

  /** A keymap command of the `editor` or `workbench` scope; false when it does not apply. */
  async command(id: string): Promise<boolean> {
    const w = this.state;
    const plan = w.plan;
    switch (id) {
      case 'editor.run': case 'workbench.run': await this.run(); return true;
      case 'editor.explain': case 'workbench.explain': await this.explain(); return true;
      case 'editor.leave': this.#set({ focus: 'plan' }); return true;
      case 'editor.historyPrev': this.#history(-1); return true;
      case 'editor.historyNext': this.#history(1); return true;
      case 'editor.snippets': case 'workbench.snippets': this.#set({ snippets: 0 }); return true;
      case 'editor.external': this.#external(); return true;
      case 'workbench.edit': this.#set({ focus: 'editor' }); return true;
      case 'workbench.focus': this.#set({ focus: w.focus === 'insights' ? 'plan' : 'insights' }); return true;
      case 'workbench.down': this.move(1); return true;
      case 'workbench.up': this.move(-1); return true;
      case 'workbench.pageDown': this.move(Math.max(1, this.#host.pageSize() - 1)); return true;
      case 'workbench.pageUp': this.move(-Math.max(1, this.#host.pageSize() - 1)); return true;
      case 'workbench.top': this.move(-1e9); return true;
      case 'workbench.bottom': this.move(1e9); return true;
      case 'workbench.open': this.open(); return true;
      case 'workbench.collapse': this.fold(true); return true;
      case 'workbench.expand': this.fold(false); return true;
      case 'workbench.view': this.#set({ view: PLAN_VIEWS[(PLAN_VIEWS.indexOf(w.view) + 1) % PLAN_VIEWS.length]! }); return true;
      case 'workbench.metric': this.#set({ metric: BAR_METRICS[(BAR_METRICS.indexOf(w.metric) + 1) % BAR_METRICS.length]! }); return true;
      case 'workbench.tryIt': await this.tryIt(); return true;
      case 'workbench.copy': this.copy(); return true;
      case 'workbench.closeCompare': if (!w.compare) return false; this.#set({ compare: null }); return true;
    }
    return false;
  }

  #history(dir: -1 | 1): void {
    const h = this.history.entries;
    if (!h.length) return this.#host.message('no history yet', 'info');
    const w = this.state;
    const idx = w.historyIndex === null ? (dir < 0 ? h.length - 1 : null) : w.historyIndex + dir;
    if (idx === null || idx >= h.length) return this.#set({ historyIndex: null });
    const i = Math.max(0, idx);
    this.#set({ historyIndex: i, editor: fromText(h[i]!) });
  }

  #external(): void {
    const r = this.#host.editText(bufferText(this.state.editor), 'workbench.sql');
    if (r.error) this.#host.message(r.error, 'error');
    else if (r.text !== undefined) this.#set({ editor: fromText(r.text.replace(/\n$/, '')) });
  }

  #sql(): string | undefined {
    const sql = bufferText(this.state.editor).trim();
    if (!sql) this.#host.message('the editor is empty: type a statement, or F2 for a snippet', 'info');
    return sql || undefined;
  }

  #busy(what: WorkbenchState['busy']): void {
    // prompt.busy is what Ctrl+C looks at to cancel the running statement
    this.#store.set((s) => ({ workbench: { ...s.workbench, busy: what }, prompt: { ...s.prompt, busy: what !== null } }));
  }

  /** F5: run the statement; the rows go to the result grid (Esc comes back here). */
  async run(): Promise<void> {
    const sql = this.#sql();
    const conn = this.#host.conn();
    if (!sql || !conn || this.state.busy) return;
    this.history.add(sql);
    this.#busy('run');
    const out = await runSql(conn, sql, { readOnly: !this.#host.writeMode(), timing: true });
    this.#busy(null);
    if (out.error) {
      this.#set({ error: { text: out.error, at: out.errorAt } });
      return this.#host.message(out.error, 'error');
    }
    this.#set({ error: undefined });
    if (out.blocks.length) this.#host.showResult(sql.split('\n')[0]!, out);
    this.#host.message(out.status ?? 'done', 'ok');
  }

  /** F6: EXPLAIN ANALYZE (read-only), or for a write: the plan, or with write mode and a yes, a rolled-back ANALYZE. */
  async explain(settings?: Record<string, string>): Promise<void> {
    const sql = this.#sql();
    const conn = this.#host.conn();
    if (!sql || !conn || this.state.busy) return;
    this.history.add(sql);
    let analyzeWrites = false;
    try {
      const c = await classifyStatement(sql);
      if (c.kind === 'write' && this.#host.writeMode()) {
        analyzeWrites = await this.#host.confirm(`EXPLAIN ANALYZE executes this ${c.type?.replace(/Stmt$/, '').toUpperCase()}: run it inside a transaction that is rolled back? (sequences still advance)`);
      }
    } catch (err) {
      this.#set({ error: { text: (err as Error).message } });
      return this.#host.message((err as Error).message, 'error');
    }
    this.#busy('explain');
    try {
      const r = await explainStatement(conn, sql, { analyzeWrites, settings });
      const base = planInsights(r.tree);
      const live = await staleStatsInsights(conn, r.tree, base).catch(() => []);
      const insights = rankInsights([...base, ...live]);
      this.#set({ plan: { sql: r.sql, mode: r.mode, tree: r.tree, insights, notes: r.notes }, error: undefined, node: 1, insight: 0, collapsed: {}, compare: null, focus: 'insights' });
      const banner = r.mode === 'analyzed-rolled-back' ? 'rolled back: no data changed' : r.mode === 'estimate' ? (r.kind === 'write' && !this.#host.writeMode() ? 'planned, not executed (W allows a rolled-back ANALYZE)' : 'estimated plan') : 'analyzed';
      this.#host.message(`${banner} · ${insights.length} insight${insights.length === 1 ? '' : 's'} · w tries the selected one`, r.mode === 'analyzed-rolled-back' ? 'warn' : 'ok');
    } catch (err) {
      const at = err instanceof ExplainSqlError && err.offset !== undefined ? errorPosition({ position: String(err.offset + 1) }, err.sql) : undefined;
      this.#set({ error: { text: (err as Error).message, at } });
      this.#store.set({ message: { text: (err as Error).message, tone: 'error', at } });
    } finally {
      this.#busy(null);
    }
  }

  /** `:explain --plan FILE`: a saved EXPLAIN (JSON or text) from disk; a bad file is one line. */
  openPlanFile(path: string): void {
    let text: string;
    try {
      text = readFileSync(userPath(path), 'utf8');
    } catch (err) {
      return this.#host.message(`cannot read the plan file ${path} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}); give the path of a saved EXPLAIN (JSON or text)`, 'error');
    }
    try {
      this.openPlan(parsePlan(text, path), path);
    } catch (err) {
      this.#host.message((err as Error).message, 'error');
    }
  }

  /** A saved plan: the tree and its insights, nothing run. */
  openPlan(tree: PlanTree, source: string): void {
    const insights = rankInsights(planInsights(tree));
    this.#set({ plan: { sql: '', mode: tree.analyzed ? 'analyzed' : 'estimate', tree, insights, notes: [`plan read from ${source}`, ...tree.notes] }, error: undefined, node: 1, insight: 0, collapsed: {}, compare: null, focus: 'insights', view: 'tree' });
    this.#host.message(`${source}: ${tree.nodes.length} nodes · ${insights.length} insight${insights.length === 1 ? '' : 's'} · t stats/raw`, 'ok');
  }

  /** `:explain SELECT …`: the statement into the editor, then F6. */
  async explainSql(sql: string): Promise<void> {
    this.#set({ editor: fromText(sql), historyIndex: null });
    await this.explain();
  }

  selectedInsight(): Insight | undefined {
    return this.state.plan?.insights[this.state.insight];
  }

  move(delta: number): void {
    const w = this.state;
    if (!w.plan) return;
    if (w.focus === 'insights') {
      const n = w.plan.insights.length;
      const insight = Math.max(0, Math.min(n - 1, w.insight + delta));
      const node = w.plan.insights[insight]?.nodeId;
      return this.#set({ insight, ...(node ? { node } : {}) });
    }
    const nodes = visibleNodes(w.plan.tree, w.collapsed);
    const i = Math.max(0, nodes.findIndex((n) => n.id === w.node));
    this.#set({ node: nodes[Math.max(0, Math.min(nodes.length - 1, i + delta))]!.id });
  }

  /** Enter: an insight jumps to its node; a node folds or unfolds. */
  open(): void {
    const w = this.state;
    if (!w.plan) return this.#set({ focus: 'editor' });
    if (w.focus === 'insights') {
      const id = this.selectedInsight()?.nodeId;
      if (id) this.#set({ focus: 'plan', node: id });
      return;
    }
    this.fold(!w.collapsed[w.node]);
  }

  fold(close: boolean): void {
    const w = this.state;
    const n = w.plan?.tree.nodes[w.node - 1];
    if (!n || !n.children.length) return;
    const collapsed = { ...w.collapsed };
    if (close) collapsed[n.id] = true;
    else delete collapsed[n.id];
    this.#set({ collapsed });
  }

  /** `w`: a what-if index for an index insight, a SET LOCAL re-run for a work_mem one; then before/after. */
  async tryIt(): Promise<void> {
    const w = this.state;
    const conn = this.#host.conn();
    // a selected insight with nothing to try (hot-node) tries the first triable one of its node
    const triable = (i: Insight | undefined) => !!i && (!!i.index?.columns.length || /^SET LOCAL/.test(i.sql ?? ''));
    const sel = this.selectedInsight();
    const all = w.plan?.insights ?? [];
    const insight = triable(sel) ? sel : all.find((i) => triable(i) && i.nodeId === sel?.nodeId) ?? all.find(triable) ?? sel;
    if (!w.plan || !conn || w.busy) return;
    if (!w.plan.sql) return this.#host.message('a saved plan has no statement to re-plan: put the statement in the editor (i) and explain it (F6), then w', 'info');
    if (!insight) return this.#host.message('no insight to try', 'info');
    const set = /^SET LOCAL (\w+) = '([^']*)';$/.exec(insight.sql ?? '');
    if (set) {
      const before = w.plan.tree;
      await this.explain({ [set[1]!]: set[2]! });
      const after = this.state.plan?.tree;
      if (after && after !== before) this.#set({ compare: { title: `${insight.sql}`, before, after, by: 'time', keep: insight.sql, notes: ['a real re-run inside the rolled-back transaction'] } });
      return;
    }
    if (!insight.index?.columns.length) return this.#host.message(`nothing to try for ${insight.id}; y copies its SQL when it has one`, 'info');
    this.#busy('what-if');
    try {
      const candidates = indexCandidates(w.plan.tree, [insight]).filter((c) => c.table === insight.index!.table);
      const r = await whatIfIndexes(conn, w.plan.sql, candidates);
      const pick = r.best ?? [...r.trials].filter((t) => t.plan).sort((a, b) => a.cost - b.cost)[0];
      if (!pick?.plan) return this.#host.message(r.trials[0]?.error ?? 'no candidate index could be tried', 'error');
      this.#set({ compare: { title: pick.createSql, before: r.before, after: pick.plan, by: 'cost', keep: pick.createSql, notes: r.notes } });
      const drop = Math.round((1 - pick.cost / r.costBefore) * 100);
      this.#host.message(r.best ? `estimated cost −${drop}% with ${pick.createSql} · y copies it` : `no candidate halves the cost (best −${drop}%)`, r.best ? 'ok' : 'warn');
    } catch (err) {
      this.#host.message((err as Error).message, 'error');
    } finally {
      this.#busy(null);
    }
  }

  /** `y`: the statement to keep (after a try) or the insight's SQL, over OSC 52. */
  copy(): void {
    const w = this.state;
    if (w.view === 'raw' && w.plan && !w.compare && w.focus === 'plan') return this.#copyRaw(w.plan.tree.raw);
    const text = w.compare?.keep ?? this.selectedInsight()?.sql;
    if (!text) return this.#host.message('nothing to copy: this insight has no SQL', 'info');
    this.#host.writeTerminal(osc52(text, this.#host.env));
    this.#host.message(`copied: ${text}`, 'ok');
  }

  /** The plan as JSON, for explain.dalibo.com or explain.depesz.com. */
  #copyRaw(raw: unknown): void {
    const text = JSON.stringify([raw], null, 2);
    if (Buffer.byteLength(text) > OSC52_MAX_BYTES) return this.#host.message(`the plan JSON (${Math.round(Buffer.byteLength(text) / 1024)} kB) is too long for the terminal clipboard (OSC 52); save it with tablewright explain --format json`, 'warn');
    this.#host.writeTerminal(osc52(text, this.#host.env));
    this.#host.message(`copied the plan JSON (${Buffer.byteLength(text)} bytes): paste it into explain.dalibo.com or explain.depesz.com`, 'ok');
  }
}
