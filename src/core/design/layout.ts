import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isGenerated, writeAtomic } from '../codegen/files.js';
import { carryKeep, classify, stamp } from '../codegen/keep.js';
import { UserError } from '../errors.js';
import { alembicStatus } from '../migrations/index.js';
import type { DesignFile, FileRole } from './generate.js';

/** Where the design's files go, and what was detected to decide it. */
export interface DesignLayout {
  dirs: Record<FileRole, string>;
  /** one line for the user: which project layout was followed */
  detected: string;
}

const ALEMBIC_DIRS = ['alembic/versions', 'migrations/versions'];

/**
 * A project's own layout when there is one (`alembic/versions` for the revision, `app/models/` for
 * the package), otherwise `--output-dir` (with the revision under its `alembic/versions`).
 */
export function detectLayout(cwd: string, table: string, outputDir?: string, versionsDir?: string): DesignLayout {
  if (versionsDir && !existsSync(resolve(cwd, versionsDir))) throw new UserError(`--versions-dir ${versionsDir} does not exist; give the project's Alembic versions directory`);
  const versions = versionsDir ?? ALEMBIC_DIRS.find((d) => existsSync(join(cwd, d)));
  const appModels = existsSync(join(cwd, 'app', 'models'));
  const pkg = outputDir ? resolve(cwd, outputDir) : appModels ? join(cwd, 'app', 'models', table) : undefined;
  if (!pkg) throw new UserError('no project layout found here (app/models/); give --output-dir DIR for the generated package');
  const found = [versions && `Alembic revisions in ${versions}`, !outputDir && appModels && 'models under app/models'].filter(Boolean);
  return {
    dirs: { package: pkg, versions: versions ? resolve(cwd, versions) : join(pkg, 'alembic', 'versions') },
    detected: found.length ? `project layout: ${found.join(', ')}` : `no project layout detected: everything under ${relative(cwd, pkg) || '.'}`,
  };
}

/** The head the new revision follows; refuses a history with several heads (merge them first). */
export async function alembicHead(versionsDir: string): Promise<string | undefined> {
  if (!existsSync(versionsDir)) return undefined;
  const st = await alembicStatus(versionsDir);
  if (st.heads.length > 1) throw new UserError(`${versionsDir} has ${st.heads.length} heads (${st.heads.join(', ')}); merge them (alembic merge heads) before adding a revision`);
  return st.heads[0];
}

export interface DesignWrite { written: string[]; unchanged: string[] }

const target = (layout: DesignLayout, f: DesignFile) => join(layout.dirs[f.role], f.path);
const isPython = (f: DesignFile) => f.path.endsWith('.py') && f.role === 'package';

/**
 * Writes the design atomically, file by file, after checking all of them first: an existing migration
 * is never overwritten; Python files not written by Tablewright (or edited outside keep blocks) are
 * refused unless `force`; nothing is written when anything is refused.
 */
export function writeDesign(layout: DesignLayout, files: DesignFile[], o: { force?: boolean } = {}): DesignWrite {
  const out: DesignWrite = { written: [], unchanged: [] };
  const planned = files.filter((f) => f.contents).map((f) => {
    const path = target(layout, f);
    // code between keep markers in a file written earlier survives, as with reflect
    const old = isPython(f) && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    return { f, path, contents: isPython(f) ? carryKeep(stamp(f.contents, 'new-table'), old) : f.contents };
  });
  for (const p of planned) {
    if (!existsSync(p.path)) continue;
    const old = readFileSync(p.path, 'utf8');
    if (old === p.contents) continue;
    if (p.f.role === 'versions') throw new UserError(`${p.path} already exists; a migration is never overwritten. Nothing was written (start a new draft for a new revision id)`);
    const state = isPython(p.f) ? classify(old) : isGenerated(old) ? 'ours-unchanged' : 'foreign';
    if ((state === 'foreign' || state === 'ours-edited') && !o.force) {
      throw new UserError(`${p.path} ${state === 'foreign' ? 'was not written by tablewright' : 'was edited outside its keep blocks'}; nothing was written. Choose another --output-dir, or pass --force to overwrite it`);
    }
  }
  for (const p of planned) {
    if (existsSync(p.path) && readFileSync(p.path, 'utf8') === p.contents) { out.unchanged.push(p.path); continue; }
    try {
      writeAtomic(p.path, p.contents);
    } catch (err) {
      throw new UserError(`cannot write ${p.path} (${(err as NodeJS.ErrnoException).code}); choose a writable --output-dir`);
    }
    out.written.push(p.path);
  }
  return out;
}
