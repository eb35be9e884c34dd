import { join } from 'node:path';
import type { Target } from '../db/conninfo/types.js';
import { readGzSync, targetCacheDir, writeGz } from './cache-files.js';
import type { RelationListItem } from './types.js';

const LIST_FORMAT = 'tablewright-relations/1';

interface ListFile { format: string; savedAt: number; items: RelationListItem[] }

/** The relation list as last read from this database, with when (ms since epoch). */
export interface CachedRelationList { items: RelationListItem[]; savedAt: number }

const fileOf = (target: Target, base?: string) => join(targetCacheDir(target, base), 'relations.json.gz');

/**
 * The last relation list read from the target (undefined when none was kept). Blocking on purpose:
 * it is small (~100 kB at 20k relations) and the first frame shows it before any server answers.
 */
export function readCachedRelationList(target: Target, base?: string): CachedRelationList | undefined {
  const f = readGzSync<ListFile>(fileOf(target, base));
  return f?.format === LIST_FORMAT && Array.isArray(f.items) ? { items: f.items, savedAt: f.savedAt } : undefined;
}

/** Keeps a freshly read list for the next start. */
export async function saveRelationList(target: Target, items: RelationListItem[], base?: string): Promise<void> {
  await writeGz(fileOf(target, base), { format: LIST_FORMAT, savedAt: Date.now(), items } satisfies ListFile);
}
