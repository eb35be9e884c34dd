import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { fromText } from '../workbench/editor.js';

export interface WorkbenchDrill {
  store: Store<AppState>;
  switchPane(pane: 'workbench'): void;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  workbench: { explain(): Promise<void> };
}

/**
 * Health → Workbench: the statement goes into the editor and is explained there. A normalised
 * statement from pg_stat_statements has $n placeholders the server cannot plan without values, so
 * it waits in the editor for them.
 */
export function openInWorkbench(app: WorkbenchDrill, sql: string): void {
  app.store.set((s) => ({ workbench: { ...s.workbench, editor: fromText(sql), focus: 'editor' } }));
  app.switchPane('workbench');
  if (/\$\d/.test(sql)) app.message('replace the $n parameters with values, then F6 explains it', 'info');
  else void app.workbench.explain();
}
