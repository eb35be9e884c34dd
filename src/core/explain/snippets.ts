import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** snippets/ at the package root (next to dist/ and src/) */
export const SNIPPETS_DIR = join(PACKAGE_ROOT, 'snippets');

export interface Snippet {
  name: string;
  /** the first comment line */
  title: string;
  sql: string;
}

/** The SQL snippets shipped in snippets/*.sql (and any the user drops there), by name. */
export function loadSnippets(dir = SNIPPETS_DIR): Snippet[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const sql = readFileSync(join(dir, f), 'utf8').trimEnd();
    const title = /^--\s*(.+)$/m.exec(sql)?.[1] ?? f;
    return { name: f.slice(0, -4), title, sql };
  });
}
