import { readFileSync, statSync } from 'node:fs';

export interface PgpassEntry { host: string; port: string; database: string; user: string; password: string }

/** Why a password file was not used, so an authentication error can say so. */
export interface PgpassProblem { path: string; reason: string }

/** Splits one .pgpass line on unescaped colons; `\:` and `\\` are escapes, as in libpq. */
export function parsePgpassLine(line: string): PgpassEntry | undefined {
  if (!line.trim() || line.startsWith('#')) return undefined;
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) { cur += line[++i]; continue; }
    if (ch === ':' && fields.length < 4) { fields.push(cur); cur = ''; continue; }
    cur += ch;
  }
  fields.push(cur);
  if (fields.length < 5) return undefined;
  const [host, port, database, user, password] = fields as [string, string, string, string, string];
  return { host, port, database, user, password };
}

export function parsePgpass(text: string): PgpassEntry[] {
  return text.split(/\r?\n/).map(parsePgpassLine).filter((e): e is PgpassEntry => e !== undefined);
}

const matches = (pattern: string, value: string) => pattern === '*' || pattern === value;

/** The first entry that matches, as libpq: a socket host (or none) matches `localhost`. */
export function findPassword(
  entries: PgpassEntry[],
  want: { host: string; port: number; database: string; user: string },
): string | undefined {
  const host = !want.host || want.host.startsWith('/') ? 'localhost' : want.host;
  const port = String(want.port);
  for (const e of entries) {
    if (matches(e.host, host) && matches(e.port, port) && matches(e.database, want.database) && matches(e.user, want.user)) {
      return e.password;
    }
  }
  return undefined;
}

/**
 * Reads a password file. Like libpq, a file that others may read (any group/world bit) is not used;
 * the problem is returned so that a later authentication failure can name it.
 */
export function readPgpass(path: string): { entries: PgpassEntry[]; problem?: PgpassProblem } {
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { entries: [], problem: { path, reason: 'is not a plain file' } };
    mode = st.mode;
  } catch {
    return { entries: [] };
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    return { entries: [], problem: { path, reason: `has mode ${octal}, which lets others read it; run chmod 600 ${path}` } };
  }
  try {
    return { entries: parsePgpass(readFileSync(path, 'utf8')) };
  } catch (err) {
    return { entries: [], problem: { path, reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` } };
  }
}
