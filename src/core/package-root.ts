import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory of Tablewright's own package.json, found by walking up from this module: the
 * same answer from src/ (tests), dist/ (compiled) and dist/bundle/ (the one-file start-up bundle),
 * where fixed `../../` paths would each point somewhere else.
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let d = start; ; d = dirname(d)) {
    const p = join(d, 'package.json');
    if (existsSync(p) && (JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === 'tablewright') return d;
    if (dirname(d) === d) return join(start, '..', '..');
  }
}

let version: string | undefined;

/** The package version, read once. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
