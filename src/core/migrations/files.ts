import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UserError } from '../errors.js';

/** Migration files larger than this are refused: no hand-written migration is this big, a dump is. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceFile { path: string; kind: 'sql' | 'alembic'; text: string; explicit: boolean }
export interface Skipped { path: string; reason: string }

const kindOf = (p: string): 'sql' | 'alembic' | undefined => (extname(p).toLowerCase() === '.sql' ? 'sql' : extname(p).toLowerCase() === '.py' ? 'alembic' : undefined);

/** Files under a directory, sorted, skipping hidden folders and caches. */
function walkDir(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name === '__pycache__' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkDir(p));
    else if (e.isFile() && kindOf(p)) out.push(p);
  }
  return out;
}

/** Why a file's bytes cannot be a migration, if they cannot. */
export function refuseReason(buf: Buffer): string | undefined {
  if (buf.length > MAX_FILE_BYTES) return `${(buf.length / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a migration file`;
  if (buf.subarray(0, 8192).includes(0)) return 'it is a binary file (contains NUL bytes)';
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD') && !buf.includes(Buffer.from('\uFFFD'))) return 'it is not UTF-8 text';
  return undefined;
}

/**
 * Expands FILE|DIR arguments into migration sources. A named file that cannot be read as a
 * migration is a usage error (one line); inside a directory it is skipped with its reason.
 */
export function collectSources(paths: string[]): { files: SourceFile[]; skipped: Skipped[] } {
  const files: SourceFile[] = [];
  const skipped: Skipped[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or directory`);
    }
    const list = st.isDirectory() ? walkDir(p).map((f) => ({ f, explicit: false })) : [{ f: p, explicit: true }];
    if (st.isDirectory() && !list.length) throw new UserError(`${p}: no .sql or .py migration files in this directory`);
    for (const { f, explicit } of list) {
      const kind = kindOf(f);
      if (!kind) throw new UserError(`${f}: not a migration file; give .sql files, Alembic .py files or a directory of them`);
      const size = statSync(f).size;
      if (size > MAX_FILE_BYTES) {
        const reason = `refused: ${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a migration file`;
        if (explicit) throw new UserError(`${f}: ${reason}`);
        skipped.push({ path: f, reason });
        continue;
      }
      const buf = readFileSync(f);
      const why = refuseReason(buf);
      if (why) {
        if (explicit) throw new UserError(`${f}: refused: ${why}`);
        skipped.push({ path: f, reason: `refused: ${why}` });
        continue;
      }
      files.push({ path: f, kind, text: buf.toString('utf8').replace(/^\uFEFF/, ''), explicit });
    }
  }
  return { files, skipped };
}
