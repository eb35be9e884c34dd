import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../codegen/files.js';
import { cacheDir } from '../paths.js';
import type { TableDraft } from './draft.js';

/** The wizard's draft in the cache dir: written on every change, so a crash or a quit loses nothing. */
export const draftPath = (env: NodeJS.ProcessEnv) => join(cacheDir(env), 'wizard-draft.json');

export function saveDraft(env: NodeJS.ProcessEnv, state: { draft: TableDraft; step: number }): void {
  writeAtomic(draftPath(env), JSON.stringify(state, null, 2) + '\n');
}

/** The saved draft, or undefined when there is none or it is not a draft (a damaged file is ignored, not fatal). */
export function loadDraft(env: NodeJS.ProcessEnv): { draft: TableDraft; step: number } | undefined {
  const p = draftPath(env);
  if (!existsSync(p)) return undefined;
  try {
    const v = JSON.parse(readFileSync(p, 'utf8')) as { draft?: TableDraft; step?: number };
    return v.draft?.format === 'tablewright-draft/1' ? { draft: v.draft, step: v.step ?? 0 } : undefined;
  } catch {
    return undefined;
  }
}

export function discardDraft(env: NodeJS.ProcessEnv): void {
  rmSync(draftPath(env), { force: true });
}
