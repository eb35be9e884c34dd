import { PGlite } from '@electric-sql/pglite';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/** The PostgreSQL major version of the bundled PGlite. */
export const PGLITE_MAJOR = 18;

/**
 * Refuses a path that is not an embedded database of our version before PGlite touches it, so a
 * wrong path is never initialised over or damaged.
 */
export function checkDataDir(dir: string, o: { mayCreate: boolean }): 'existing' | 'new' {
  if (!existsSync(dir)) {
    if (!o.mayCreate) throw new UserError(`no embedded database at ${dir}; create it by opening it with --db ${dir}`);
    return 'new';
  }
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is a file, not a database directory; give --db a directory path`);
  const versionFile = join(dir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    if (readdirSync(dir).length === 0) return 'new';
    throw new UserError(`${dir} is not an embedded database (no PG_VERSION) and is not empty; give --db a new or empty directory`);
  }
  const major = Number(readFileSync(versionFile, 'utf8').trim());
  if (major !== PGLITE_MAJOR) {
    const which = major > PGLITE_MAJOR ? 'a newer' : 'an older';
    throw new UserError(`${dir} holds a PostgreSQL ${major} database, made by ${which} PGlite; this Tablewright embeds PostgreSQL ${PGLITE_MAJOR}: open it with a matching version or use another --db path`);
  }
  return 'existing';
}

export async function openPglite(dir: string): Promise<PGlite> {
  try {
    const db = await PGlite.create(dir, { relaxedDurability: false });
    return db;
  } catch (err) {
    const msg = String((err as Error)?.message ?? err).split('\n')[0];
    throw new UserError(`could not open the embedded database at ${dir} (${msg}); it may be damaged: move it aside, or for the demo run --reset-demo`, { cause: err });
  }
}
