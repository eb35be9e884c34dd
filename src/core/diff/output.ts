import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from '../codegen/files.js';
import { UserError } from '../errors.js';
import { alembicStatus } from '../migrations/alembic/graph.js';
import { slug } from './migration.js';

/** Writes through a temporary file; an existing different file is only replaced with `force`. */
export function writeMigrationFile(path: string, text: string, force = false): void {
  if (existsSync(path) && readFileSync(path, 'utf8') !== text && !force) throw new UserError(`${path} exists and differs; choose another --output or pass --force to replace it`);
  try {
    writeAtomic(path, text);
  } catch (err) {
    throw new UserError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; choose a writable --output`);
  }
}

/** Where an Alembic revision goes and what it revises: the single head of its versions directory. */
export async function alembicTarget(output: string, message: string, revision: string, down?: string): Promise<{ path: string; downRevision: string | null }> {
  const isDir = output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory());
  const dir = isDir ? output : dirname(output);
  const path = isDir ? join(output, `${revision}_${slug(message)}.py`) : output;
  if (down !== undefined) return { path, downRevision: down === '' || down === 'none' ? null : down };
  if (!existsSync(dir)) return { path, downRevision: null };
  // the revision itself, written before, is not what it revises
  const heads = (await alembicStatus(dir)).heads.filter((h) => h !== revision);
  if (heads.length > 1) throw new UserError(`${dir} has ${heads.length} heads (${heads.join(', ')}); pass --down-revision to say which one this revises`);
  return { path, downRevision: heads[0] ?? null };
}

/** The project's Alembic versions directory, when the working directory has one. */
export function findVersionsDir(cwd: string): string | undefined {
  return ['alembic/versions', 'migrations/versions', 'db/migrations/versions'].map((d) => join(cwd, d)).find((d) => existsSync(d) && statSync(d).isDirectory());
}
