import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from '../files.js';
import { classify } from '../keep.js';

/**
 * Model modules an earlier run wrote that this run does not (a dropped table, another --layout):
 * `models.py` and `models/*.py` that are ours and unedited. Left behind, a stale `models.py` next
 * to a `models/` package would confuse readers and tools; edited or foreign files are never listed.
 */
export function staleModels(dir: string, files: GeneratedFile[]): string[] {
  const wanted = new Set(files.map((f) => f.path));
  const candidates = ['models.py', ...(existsSync(join(dir, 'models')) ? readdirSync(join(dir, 'models')).filter((n) => n.endsWith('.py')).map((n) => `models/${n}`) : [])];
  return candidates.filter((p) => !wanted.has(p) && existsSync(join(dir, p)) && classify(readFileSync(join(dir, p), 'utf8')) === 'ours-unchanged').sort();
}

export function removeStale(dir: string, paths: string[]): void {
  for (const p of paths) rmSync(join(dir, p));
}
