import type { SchemaSnapshot } from '../../core/introspect/types.js';
import type { LintResult } from '../../core/rules/types.js';
import type { ChecklistGroup } from './rows.js';

/** The Checklist pane's state: the last lint of the current snapshot, and where the cursor is. */
export interface ChecklistState {
  /** `schema`: the live checklist; `migrations`: check-migration on the project's migration files */
  tab: 'schema' | 'migrations';
  result: LintResult | null;
  /** the snapshot `result` was computed from: a newer snapshot re-runs the rules */
  of: SchemaSnapshot | null;
  running: boolean;
  group: ChecklistGroup;
  cursor: number;
  scroll: number;
  error?: string;
  migrations: {
    path: string | null;
    /** the path being typed after `p`; null when not editing */
    draft: string | null;
    result: (LintResult & { files: { path: string; lines: string[] }[] }) | null;
    running: boolean;
    cursor: number;
    error?: string;
  };
}

export const initialChecklist = (): ChecklistState => ({
  tab: 'schema', result: null, of: null, running: false, group: 'severity', cursor: 0, scroll: 0,
  migrations: { path: null, draft: null, result: null, running: false, cursor: 0 },
});
