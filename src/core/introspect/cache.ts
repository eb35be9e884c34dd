/**
 * On-disk snapshot cache (design/introspection.md §9): one gzipped JSON file per schema plus a meta
 * file, under the user cache dir. On open, the fingerprint query decides which cached schemas are
 * still current; only the others are read again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '../db/connection.js';
import { readGz, targetCacheDir, writeGz } from './cache-files.js';
import { readFingerprint } from './fingerprint.js';
import { canFingerprint, readSnapshot } from './read.js';
import { SNAPSHOT_FORMAT, type ReadOptions, type Schema, type SchemaSnapshot, type SnapshotStats } from './types.js';

const CACHE_FORMAT = 'tablewright-cache/1';

/** What `loadSnapshotCached` did: the snapshot, and which schemas came from the cache. */
export interface CachedLoad {
  snapshot: SchemaSnapshot;
  /** schemas taken from the cache unchanged */
  cachedSchemas: string[];
  /** schemas read from the database */
  readSchemas: string[];
}

interface SchemaFile { format: string; fingerprint: string; schema: Schema; stats?: Pick<SnapshotStats, 'relations' | 'indexes'> }
type Meta = Omit<SchemaSnapshot, 'schemas' | 'fingerprint' | 'stats'> & { cache: string; global: string; capturedAt?: string; hasStats: boolean };

/** The cache folder of one database (target + database + user), kept apart per snapshot format. */
export const snapshotCacheDir = (conn: Connection, base?: string): string => targetCacheDir(conn.target, base);

const fileOf = (dir: string, schema: string) => join(dir, `${createHash('sha256').update(schema).digest('hex').slice(0, 16)}.json.gz`);

/** Every cached schema file in `dir`, by schema name (the file names are hashes). */
async function readAllSchemaFiles(dir: string): Promise<Map<string, SchemaFile>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json.gz') && f !== 'meta.json.gz');
  const files = await Promise.all(names.map((f) => readGz<SchemaFile>(join(dir, f))));
  const out = new Map<string, SchemaFile>();
  for (const f of files) if (f?.format === CACHE_FORMAT && f.schema?.name !== undefined) out.set(f.schema.name, f);
  return out;
}

function statsFor(stats: SnapshotStats | undefined, schema: string): SchemaFile['stats'] {
  if (!stats) return undefined;
  const pick = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith(`${schema}.`)));
  return { relations: pick(stats.relations), indexes: pick(stats.indexes) };
}

async function save(dir: string, snap: SchemaSnapshot, schemas: string[], mode: string, replaceAll = false): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (replaceAll) {
    // files of schemas that no longer exist would otherwise be unpacked on every open
    const keep = new Set(schemas.map((n) => fileOf(dir, n)));
    for (const f of await readdir(dir)) {
      if (f.endsWith('.json.gz') && f !== 'meta.json.gz' && !keep.has(join(dir, f))) await rm(join(dir, f), { force: true });
    }
  }
  const { schemas: all, fingerprint, stats, ...rest } = snap;
  await Promise.all(schemas.map((name) => writeGz(fileOf(dir, name), {
    format: CACHE_FORMAT, fingerprint: fingerprint[name] ?? '', schema: all[name]!, stats: statsFor(stats, name),
  } satisfies SchemaFile)));
  const meta: Meta = { ...rest, cache: mode, global: fingerprint['*global'] ?? '', capturedAt: stats?.capturedAt, hasStats: !!stats };
  await writeGz(join(dir, 'meta.json.gz'), meta);
}

/**
 * Fingerprints the selected schemas and reuses every cached schema whose fingerprint is unchanged;
 * the rest are read again (in one batch) and the cache is updated. Stats of cached schemas are the
 * cached ones (`stats.capturedAt` says when they were read).
 */
export async function loadSnapshotCached(conn: Connection, opts: ReadOptions & { cacheDir?: string } = {}): Promise<CachedLoad> {
  const dir = snapshotCacheDir(conn, opts.cacheDir);
  const mode = `${opts.definitions ?? 'lazy'}:${opts.includePlatform ? 'platform' : ''}`;
  const wantStats = opts.stats !== false;
  const full = async (): Promise<CachedLoad> => {
    const snapshot = await readSnapshot(conn, opts);
    const names = Object.keys(snapshot.schemas);
    if (canFingerprint(conn)) await save(dir, snapshot, names, mode, true).catch(() => {});
    return { snapshot, cachedSchemas: [], readSchemas: names };
  };
  if (!canFingerprint(conn)) return full();
  // the fingerprint runs on the server while this thread unpacks the cache files
  const fpPromise = readFingerprint(conn, opts).catch(() => undefined);
  const meta = await readGz<Meta>(join(dir, 'meta.json.gz'));
  const cachedFiles = meta ? await readAllSchemaFiles(dir) : new Map<string, SchemaFile>();
  const fp = await fpPromise;
  // no fingerprint: a catalog it needs may be closed to this user, so read everything instead
  if (!fp) return full();
  if (!meta || meta.format !== SNAPSHOT_FORMAT || meta.cache !== mode || meta.global !== fp['*global'] || (wantStats && !meta.hasStats)) return full();
  const names = Object.keys(fp).filter((k) => k !== '*global');
  const files = names.map((n) => cachedFiles.get(n));
  const fresh: string[] = [];
  const stale: string[] = [];
  names.forEach((n, i) => {
    const f = files[i];
    (f && f.format === CACHE_FORMAT && f.fingerprint === fp[n] && f.schema.name === n ? fresh : stale).push(n);
  });
  const { cache: _c, global: _g, capturedAt, hasStats: _h, ...rest } = meta;
  let snapshot: SchemaSnapshot = { ...rest, schemas: {}, fingerprint: {} };
  if (wantStats) snapshot.stats = { capturedAt: capturedAt ?? '', relations: {}, indexes: {} };
  if (stale.length) {
    const part = await readSnapshot(conn, { ...opts, schemas: stale, excludeSchemas: undefined });
    // a global part that moved between the fingerprint and the read means more changed than we saw
    if (part.fingerprint['*global'] !== fp['*global']) return full();
    const { schemas: _s, fingerprint: _f, stats, ...partRest } = part;
    snapshot = { ...snapshot, ...partRest, schemas: { ...part.schemas }, fingerprint: { ...part.fingerprint } };
    if (wantStats && stats) snapshot.stats = { capturedAt: stats.capturedAt, relations: { ...stats.relations }, indexes: { ...stats.indexes } };
    await save(dir, part, Object.keys(part.schemas), mode).catch(() => {});
  }
  names.forEach((n, i) => {
    if (!fresh.includes(n)) return;
    const f = files[i]!;
    snapshot.schemas[n] = f.schema;
    snapshot.fingerprint[n] = f.fingerprint;
    if (snapshot.stats && f.stats) {
      Object.assign(snapshot.stats.relations, f.stats.relations);
      Object.assign(snapshot.stats.indexes, f.stats.indexes);
    }
  });
  snapshot.fingerprint['*global'] = fp['*global'] ?? '';
  snapshot.schemas = Object.fromEntries(Object.keys(snapshot.schemas).sort().map((k) => [k, snapshot.schemas[k]!]));
  return { snapshot, cachedSchemas: fresh, readSchemas: stale };
}
