import type { DesignFile, DesignLayout, DraftCheck, Problem, TableDraft } from '../../core/design/index.js';

/** What the text line at the bottom of the form is editing, and what Enter does with it. */
export type EditKind = 'name' | 'schema' | 'comment' | 'addColumn' | 'editColumn' | 'pkColumns' | 'addFk' | 'addIndex' | 'outputDir';

/** The draft evaluated against the live snapshot: problems, the checklist, the files it becomes. */
export interface WizardEval {
  /** the draft this was computed from: a newer draft re-evaluates */
  of: TableDraft;
  problems: Problem[];
  checks: DraftCheck[];
  files: DesignFile[];
  warnings: string[];
  layout?: DesignLayout;
  /** why no layout (no project layout and no output directory chosen) */
  layoutError?: string;
  head?: string;
}

export interface WizardState {
  /** null until the pane is first opened (then a saved draft is resumed, or a new one begun) */
  draft: TableDraft | null;
  step: number;
  cursor: number;
  edit: { kind: EditKind; label: string; text: string; target?: string } | null;
  result: WizardEval | null;
  evaluating: boolean;
  previewTab: number;
  previewScroll: number;
  /** where the package goes when the project has no layout of its own */
  outputDir: string | null;
  /** files written by the last `w`, for the review step */
  written: string[];
}

export const initialWizard = (): WizardState => ({
  draft: null, step: 0, cursor: 0, edit: null, result: null, evaluating: false, previewTab: 0, previewScroll: 0, outputDir: null, written: [],
});
