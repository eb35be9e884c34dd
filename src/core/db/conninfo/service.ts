import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { type ConnParams } from './types.js';
import { parseKeywordString } from './url.js';

export type ServiceFile = Map<string, Record<string, string>>;

/** Parses pg_service.conf: INI sections of key=value lines, `#` comments. */
export function parseServiceFile(text: string, path: string): ServiceFile {
  const out: ServiceFile = new Map();
  let current: Record<string, string> | undefined;
  text.split(/\r?\n/).forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = {};
      out.set(section[1]!.trim(), current);
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new UserError(`syntax error in service file ${path}, line ${idx + 1}: expected key=value`);
    if (!current) throw new UserError(`syntax error in service file ${path}, line ${idx + 1}: key outside a [service] section`);
    current[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return out;
}

export interface ServiceLookup { params: ConnParams; path: string }

/** Service files in libpq's order: the user's file first, then the system one. */
export function serviceFilePaths(env: NodeJS.ProcessEnv, home: string): string[] {
  const user = env.PGSERVICEFILE ?? join(home, '.pg_service.conf');
  const sysconf = env.PGSYSCONFDIR ?? '/etc/postgresql-common';
  return [user, join(sysconf, 'pg_service.conf')];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new UserError(`cannot read service file ${path} (${(err as NodeJS.ErrnoException).code}); check its permissions`);
  }
}

export function lookupService(name: string, env: NodeJS.ProcessEnv, home: string): ServiceLookup {
  const known: string[] = [];
  const paths = serviceFilePaths(env, home);
  for (const path of paths) {
    const text = readIfExists(path);
    if (text === undefined) continue;
    const file = parseServiceFile(text, path);
    const entry = file.get(name);
    if (entry) {
      const params = parseKeywordString(
        Object.entries(entry).map(([k, v]) => `${k}='${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(' '),
      );
      if (params.service) throw new UserError(`service "${name}" in ${path} names another service; nested services are not allowed`);
      return { params, path };
    }
    known.push(...file.keys());
  }
  const hint = known.length ? `known services: ${[...new Set(known)].sort().join(', ')}` : `searched ${paths.join(' and ')}`;
  throw new UserError(`unknown service "${name}" (${hint}); define it in ~/.pg_service.conf or set PGSERVICEFILE`);
}
