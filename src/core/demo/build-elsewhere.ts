import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { ensureDemo, isDemoCurrent, type DemoProgress } from './build.js';

type ChildMessage =
  | { type: 'progress'; step: string; done: number; total: number }
  | { type: 'done'; how: 'reused' | 'built' }
  | { type: 'error'; message: string };

/**
 * Builds the demo in a child Node process when it is missing or stale. Two reasons: the build is
 * ~12 s of synchronous WASM work that would freeze a UI's event loop, and the CLI runs WASM with
 * `--liftoff-only` (bin/tablewright.js) which suits short sessions but makes this one long build
 * about a third slower; the child starts with V8's default tiering. Running from TypeScript
 * sources (no compiled child next to this file) it builds in-process.
 */
export async function ensureDemoElsewhere(dir: string, progress?: DemoProgress): Promise<'reused' | 'built'> {
  if (isDemoCurrent(dir)) return 'reused';
  // from the start-up bundle (dist/bundle/) the child is the compiled one in dist/core/demo/
  const child = fileURLToPath(new URL(import.meta.url.includes('/dist/bundle/') ? '../core/demo/build-child.js' : './build-child.js', import.meta.url));
  if (!existsSync(child)) return ensureDemo(dir, progress);
  return new Promise((resolve, reject) => {
    const p = fork(child, [dir], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let outcome: 'reused' | 'built' | undefined;
    let failure: string | undefined;
    let stderr = '';
    p.stderr?.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-2000); });
    p.on('message', (m: ChildMessage) => {
      if (m.type === 'progress') progress?.(m.step, m.done, m.total);
      else if (m.type === 'done') outcome = m.how;
      else failure = m.message;
    });
    p.on('error', (err) => reject(new UserError(`could not start the demo build: ${err.message}`)));
    p.on('exit', (code, signal) => {
      if (outcome && code === 0) resolve(outcome);
      else if (failure) reject(new UserError(failure));
      else {
        const last = stderr.trim().split('\n').pop();
        reject(new UserError(`building the demo stopped (${signal ?? `exit ${code}`})${last ? `: ${last}` : ''}; try again with --reset-demo`));
      }
    });
  });
}
