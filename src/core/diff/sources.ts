import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../db/connection.js';
import type { Target } from '../db/conninfo/types.js';
import { UserError } from '../errors.js';
import { readSnapshot } from '../introspect/read.js';
import { SNAPSHOT_FORMAT, type SchemaFilter, type SchemaSnapshot } from '../introspect/types.js';

export type SourceKind = 'snapshot' | 'sql' | 'models' | 'connection';

/** What a `--from` / `--to` value names: a snapshot file, a `.sql` schema, a models package, or a database. */
export function sourceKind(spec: string): SourceKind {
  if (/\.json$/i.test(spec)) return 'snapshot';
  if (/\.sql$/i.test(spec)) return 'sql';
  if (spec.endsWith('/') || (existsSync(spec) && statSync(spec).isDirectory())) return 'models';
  return 'connection';
}

/** The snapshot a diff reads from a database: definitions deparsed (views, triggers, functions), no stats. */
export const readDiffSnapshot = (conn: Connection, filter: SchemaFilter = {}): Promise<SchemaSnapshot> =>
  readSnapshot(conn, { ...filter, stats: false, definitions: 'eager' });

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; check the path`);
  }
}

/** A saved snapshot; refuses other format versions with what to do instead. */
export function snapshotFromFile(path: string): SchemaSnapshot {
  let v: { format?: unknown } & Partial<SchemaSnapshot>;
  try {
    v = JSON.parse(readText(path, 'snapshot file'));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path} is not JSON (${(err as Error).message.split('\n')[0]}); give a file written by tablewright snapshot`);
  }
  if (v?.format !== SNAPSHOT_FORMAT) {
    const seen = typeof v?.format === 'string' ? `format ${v.format}` : 'no format tag';
    throw new UserError(`${path} has ${seen}; this Tablewright reads ${SNAPSHOT_FORMAT}: write it again with tablewright snapshot -o ${path}`);
  }
  return v as SchemaSnapshot;
}

/** Line and column of a 1-based character position. */
function lineCol(text: string, position: number): string {
  const before = text.slice(0, Math.max(0, position - 1));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * A `.sql` schema applied to a scratch embedded database and read back: the comparison then sees
 * PostgreSQL's own normalised text (`IN (…)` becomes `= ANY (ARRAY[…])`), never the file's spelling.
 */
export async function snapshotFromSql(path: string, filter: SchemaFilter = {}): Promise<SchemaSnapshot> {
  const text = readText(path, 'schema file');
  const root = mkdtempSync(join(tmpdir(), 'tw-diff-'));
  const { openEmbedded } = await import('../db/embedded-connection.js');
  let conn: Connection | undefined;
  try {
    conn = await openEmbedded({ kind: 'embedded', dataDir: join(root, 'db'), demo: false, sources: { dataDir: 'diff' } }, { create: true });
    try {
      await conn.exec(text);
    } catch (err) {
      const e = err as { message?: string; position?: string };
      const where = Number(e.position) > 0 ? ` at ${lineCol(text, Number(e.position))}` : '';
      throw new UserError(`${path}${where}: ${(e.message ?? String(err)).split('\n')[0]} (applying it to a scratch database); fix the file and run again`, { cause: err });
    }
    return await readDiffSnapshot(conn, filter);
  } finally {
    await conn?.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
}

export interface LoadOptions {
  /** the connection a missing spec means (the CLI's connection options, the TUI's database) */
  current?: () => Promise<Connection>;
  /** a saved connection name, URL or `demo` → a target */
  resolve: (spec: string) => Target;
  filter?: SchemaFilter;
  /** the Python that imports the models (default: `python3` on PATH, or $TW_PYTHON) */
  python?: string;
}

/**
 * A SQLAlchemy models package (or module): a small helper, run with the user's Python, prints the
 * DDL `create_all` would run; that DDL then goes through the `.sql` path. Needs SQLAlchemy 2.
 */
export async function snapshotFromModels(path: string, filter: SchemaFilter = {}, python = process.env.TW_PYTHON ?? 'python3'): Promise<SchemaSnapshot> {
  const { spawnSync } = await import('node:child_process');
  const { MODELS_DDL_PY } = await import('./models-helper.js');
  const r = spawnSync(python, ['-c', MODELS_DDL_PY, path], { encoding: 'utf8' });
  if (r.error) throw new UserError(`cannot run ${python} for the models in ${path} (${(r.error as NodeJS.ErrnoException).code}); install Python with SQLAlchemy 2, or set TW_PYTHON to the interpreter of your project`);
  if (r.status !== 0) {
    const last = r.stderr.trim().split('\n').pop() ?? `exit code ${r.status}`;
    throw new UserError(`importing the models in ${path} failed: ${last}; they must import with ${python} (SQLAlchemy 2 installed, imports resolvable from the package's parent directory)`);
  }
  const root = mkdtempSync(join(tmpdir(), 'tw-diff-models-'));
  try {
    const ddl = join(root, 'models.sql');
    writeFileSync(ddl, r.stdout);
    return await snapshotFromSql(ddl, filter);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Any diff source as a snapshot; databases opened here are closed again at once. */
export async function loadDiffSource(spec: string | undefined, o: LoadOptions): Promise<SchemaSnapshot> {
  const read = async (conn: Connection) => {
    try { return await readDiffSnapshot(conn, o.filter); } finally { await conn.close(); }
  };
  if (spec === undefined) {
    if (!o.current) throw new UserError('no database to diff from: give --from SOURCE');
    return read(await o.current());
  }
  switch (sourceKind(spec)) {
    case 'snapshot': return snapshotFromFile(spec);
    case 'sql': return snapshotFromSql(spec, o.filter);
    case 'models': return snapshotFromModels(spec, o.filter, o.python);
    case 'connection': {
      const { openTarget } = await import('../db/open.js');
      return read(await openTarget(o.resolve(spec), {}));
    }
  }
}
