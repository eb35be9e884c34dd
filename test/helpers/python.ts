import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe } from 'vitest';

/** The venv .ci/run makes; generated Python is imported and run with it. */
export const PYTHON = process.env.TW_PYTHON ?? join(process.cwd(), '.venv', 'bin', 'python');

const missing = existsSync(PYTHON) ? undefined : `no Python venv at ${PYTHON} (make it with .ci/run)`;
if (missing && process.env.TW_REQUIRE_PYTHON === '1') throw new Error(`TW_REQUIRE_PYTHON=1 but ${missing}`);
if (missing) process.stderr.write(`python tests skipped: ${missing}\n`);

export const pythonAvailable = !missing;
export const describePython = (name: string, fn: () => void) => describe.skipIf(!pythonAvailable)(name, fn);

export function runPython(code: string, cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
