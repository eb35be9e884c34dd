import type { Insight, PlanTree } from '../../core/explain/index.js';
import type { ExplainMode } from '../../core/explain/run.js';
import type { SqlPosition } from '../../commands/output.js';
import { emptyBuffer, type EditorBuffer } from './editor.js';

export type BarMetric = 'time' | 'rows' | 'cost' | 'buffers' | 'estimate';
export const BAR_METRICS: readonly BarMetric[] = ['time', 'rows', 'cost', 'buffers', 'estimate'];

/** What the plan panel shows: the tree table, Σ exclusive time by table/node type/index/function, or the JSON. */
export type PlanViewKind = 'tree' | 'stats' | 'raw';
export const PLAN_VIEWS: readonly PlanViewKind[] = ['tree', 'stats', 'raw'];

export interface WorkbenchPlan {
  sql: string;
  mode: ExplainMode;
  tree: PlanTree;
  insights: Insight[];
  notes: string[];
}

/** Two plans of one statement: before and after a what-if index or a SET LOCAL re-run. */
export interface WorkbenchCompare {
  title: string;
  before: PlanTree;
  after: PlanTree;
  /** by cost (hypothetical index) or by time (a real re-run) */
  by: 'cost' | 'time';
  /** the statement to keep (CREATE INDEX CONCURRENTLY …, SET LOCAL …) */
  keep?: string;
  notes: string[];
}

/** The Workbench pane's state: the editor, the last plan and where the cursors are. */
export interface WorkbenchState {
  focus: 'editor' | 'plan' | 'insights';
  editor: EditorBuffer;
  /** index into the history while browsing it */
  historyIndex: number | null;
  busy: 'run' | 'explain' | 'what-if' | null;
  plan: WorkbenchPlan | null;
  error?: { text: string; at?: SqlPosition };
  /** selected node id and insight index */
  node: number;
  insight: number;
  /** node ids whose subtrees are folded */
  collapsed: Record<number, true>;
  metric: BarMetric;
  view: PlanViewKind;
  compare: WorkbenchCompare | null;
  /** the snippet picker, with its cursor; null when closed */
  snippets: number | null;
}

export const initialWorkbench = (): WorkbenchState => ({
  // the pane opens in navigation mode so `:`, digits and q keep their global meaning; i edits
  focus: 'plan', editor: emptyBuffer(), historyIndex: null, busy: null, plan: null, node: 1, insight: 0,
  collapsed: {}, metric: 'time', view: 'tree', compare: null, snippets: null,
});
