import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { GeneratedFile } from './files.js';
import { writeAtomic } from './files.js';
import { carryKeep, classify, headerHash, stamp } from './keep.js';

export interface PythonWriteReport {
  written: string[];
  unchanged: string[];
  /** files that differ from what the database generates (for `--check`) */
  stale: string[];
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

/**
 * Writes generated Python under `outDir`. A file that is not ours, or ours but edited outside
 * `# tablewright: keep` blocks, is never overwritten without `force`; keep blocks are carried over.
 * With `check`, nothing is written and the stale files are reported.
 */
export function writePython(outDir: string, files: GeneratedFile[], o: { force?: boolean; check?: boolean; tool: string }): PythonWriteReport {
  const report: PythonWriteReport = { written: [], unchanged: [], stale: [] };
  const planned = files.map((f) => {
    const target = join(outDir, f.path);
    const old = read(target);
    const stamped = stamp(f.contents, o.tool);
    const state = classify(old);
    // unchanged: ours, unedited outside keep blocks, and generated from the same schema
    const same = state === 'ours-unchanged' && headerHash(old!) === headerHash(stamped);
    return { f, target, old, contents: same ? old! : carryKeep(stamped, old), state, same };
  });
  if (o.check) {
    for (const p of planned) (p.same ? report.unchanged : report.stale).push(p.f.path);
    return report;
  }
  const blocked = planned.filter((p) => !p.same && (p.state === 'foreign' || p.state === 'ours-edited'));
  if (blocked.length && !o.force) {
    const b = blocked[0]!;
    throw new UserError(`${b.target} ${b.state === 'foreign' ? 'was not written by tablewright' : 'was edited outside its "# tablewright: keep" blocks'}; nothing was written. Move your changes into keep blocks, or pass --force to overwrite${blocked.length > 1 ? ` (${blocked.length} files affected)` : ''}`);
  }
  for (const p of planned) {
    if (p.same) { report.unchanged.push(p.f.path); continue; }
    try {
      writeAtomic(p.target, p.contents);
    } catch (err) {
      throw new UserError(`cannot write ${p.target} (${(err as NodeJS.ErrnoException).code}); choose a writable --output`);
    }
    report.written.push(p.f.path);
  }
  return report;
}
