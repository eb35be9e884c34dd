import type { Output, SqlPosition } from '../../commands/output.js';
import type { SchemaSnapshot } from '../../core/introspect/types.js';
import type { CatalogItem } from '../browser/catalog-items.js';
import { initialChecklist, type ChecklistState } from '../checklist/checklist-state.js';
import { initialWorkbench, type WorkbenchState } from '../workbench/workbench-state.js';
import { initialWizard, type WizardState } from '../wizard/wizard-state.js';
import { initialHealth, type HealthState } from '../health/health-state.js';
import { initialDiff, type DiffState } from '../diff/diff-state.js';

export const PANES = ['browser', 'workbench', 'wizard', 'checklist', 'health'] as const;
export type PaneId = (typeof PANES)[number];

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export interface Message {
  text: string;
  tone: Tone;
  /** the SQL error marker, drawn after the text */
  at?: SqlPosition;
}

export interface PromptState {
  open: boolean;
  text: string;
  cursor: number;
  /** index into history while browsing it; null when editing a fresh line */
  historyIndex: number | null;
  /** the line being typed before history browsing started */
  draft: string;
  /** candidates of the last Tab, cycled by further Tabs */
  completion?: { start: number; candidates: string[]; index: number; base: string };
  /** a command is running */
  busy: boolean;
}

export interface ResultState {
  title: string;
  output: Output;
  scrollY: number;
  scrollX: number;
  /** the grid cursor: index into the data rows (resultGrid().stops) and the column */
  row: number;
  col: number;
}

export interface Job {
  id: number;
  label: string;
  /** "3/9 loading data" */
  progress?: string;
}

export type ConnStatus = 'connecting' | 'ready' | 'lost' | 'failed';

export interface ConnState {
  status: ConnStatus;
  /** describeTarget(), never with a password */
  description: string;
  version?: string;
  writeMode: boolean;
  error?: string;
  /** when the next reconnect attempt is due (ms since epoch) */
  retryAt?: number;
  attempts: number;
}

export interface CatalogState {
  items: CatalogItem[] | null;
  snapshot: SchemaSnapshot | null;
  /** when the snapshot (or the relation list) was read, ms since epoch */
  readAt: number | null;
  /** the items are the list kept from the last start, until the live one arrives */
  cached?: boolean;
  /** DDL by item key, loaded on demand */
  ddl: Record<string, string>;
  error?: string;
}

export interface BrowserState {
  filter: string;
  filtering: boolean;
  /** key of the selected row (stable across filtering and reloads) */
  selected: string | null;
  focus: 'list' | 'detail';
  tab: number;
  detailScroll: number;
  /** columns scrolled right in the details (wide grids) */
  detailScrollX: number;
  /** selected row in tabs that have selectable rows (foreign keys) */
  detailCursor: number;
  collapsed: Record<string, true>;
}

export type Overlay = { kind: 'help'; scroll: number } | { kind: 'connections'; cursor: number } | { kind: 'confirm'; question: string; resolve: (ok: boolean) => void } | null;

export interface AppState {
  pane: PaneId;
  overlay: Overlay;
  message: Message | null;
  prompt: PromptState;
  result: ResultState | null;
  /** whether the result view has the keys (it stays on screen under a closed prompt) */
  resultOpen: boolean;
  conn: ConnState;
  catalog: CatalogState;
  jobs: Job[];
  browser: BrowserState;
  checklist: ChecklistState;
  workbench: WorkbenchState;
  wizard: WizardState;
  health: HealthState;
  /** the Diff view (`:diff --to …`), drawn over the panes while open */
  diff: DiffState;
  /** the first Ctrl+C was pressed at this time; a second one soon after quits */
  interruptAt: number | null;
}

export function initialState(description: string): AppState {
  return {
    pane: 'browser',
    overlay: null,
    message: null,
    prompt: { open: false, text: '', cursor: 0, historyIndex: null, draft: '', busy: false },
    result: null,
    resultOpen: false,
    conn: { status: 'connecting', description, writeMode: false, attempts: 0 },
    catalog: { items: null, snapshot: null, readAt: null, ddl: {} },
    jobs: [],
    browser: { filter: '', filtering: false, selected: null, focus: 'list', tab: 0, detailScroll: 0, detailScrollX: 0, detailCursor: 0, collapsed: {} },
    checklist: initialChecklist(),
    workbench: initialWorkbench(),
    wizard: initialWizard(),
    health: initialHealth(),
    diff: initialDiff(),
    interruptAt: null,
  };
}
