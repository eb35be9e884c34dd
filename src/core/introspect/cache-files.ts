import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import type { Target } from '../db/conninfo/types.js';
import { cacheDir as userCacheDir } from '../paths.js';
import { SNAPSHOT_FORMAT } from './types.js';

const gz = promisify(gzip);
const gunz = promisify(gunzip);

/** The cache folder of one database (target + database + user), kept apart per snapshot format. */
export function targetCacheDir(t: Target, base = userCacheDir()): string {
  const id = t.kind === 'server' ? `server\0${t.host}\0${t.port}\0${t.database}\0${t.user}` : `embedded\0${t.dataDir}`;
  return join(base, 'snapshots', createHash('sha256').update(`${SNAPSHOT_FORMAT}\0${id}`).digest('hex').slice(0, 24));
}

const parse = <T>(unzipped: Buffer): T => JSON.parse(unzipped.toString('utf8')) as T;

export async function readGz<T>(path: string): Promise<T | undefined> {
  // a missing or damaged cache file only means a fresh read
  return readFile(path).then(gunz).then((b) => parse<T>(b)).catch(() => undefined);
}

/** The same, blocking: for a small file needed before the first frame. */
export function readGzSync<T>(path: string): T | undefined {
  try {
    return parse<T>(gunzipSync(readFileSync(path)));
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename: a reader never sees half a file. */
export async function writeGz(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, await gz(JSON.stringify(value), { level: 1 }));
  await rename(tmp, path);
}
