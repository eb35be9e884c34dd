import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';

type Progress = (step: string, done: number, total: number) => void;
type WorkerMessage = { type: 'progress'; step: string; done: number; total: number } | { type: 'done' } | { type: 'error'; message: string };

/** Whether the demo at `dir` still has to be built. */
export async function demoNeedsBuild(dir: string): Promise<boolean> {
  const { isDemoCurrent } = await import('../../core/demo/build.js');
  return !isDemoCurrent(dir);
}

/**
 * Builds the demo off the main thread, reporting progress, so the app keeps answering keys.
 * Where the compiled worker is not available (running from TypeScript sources) it builds in-thread.
 */
export async function buildDemoInBackground(dir: string, progress: Progress): Promise<void> {
  const url = new URL('./demo-build-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    const { ensureDemo } = await import('../../core/demo/build.js');
    await ensureDemo(dir, progress);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const w = new Worker(url, { workerData: { dir } });
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress(m.step, m.done, m.total);
      else if (m.type === 'done') resolve();
      else reject(new UserError(m.message));
    });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new UserError(`building the demo stopped (worker exit ${code})`))));
  });
}
