import { parentPort, workerData } from 'node:worker_threads';
import { ensureDemo } from '../../core/demo/build.js';

// Runs in a worker thread: PGlite's initdb and data load are synchronous WASM work that would
// freeze the UI's event loop (no keys, no spinner) for the ~12 s of the first build.
const { dir } = workerData as { dir: string };
ensureDemo(dir, (step, done, total) => parentPort!.postMessage({ type: 'progress', step, done, total }))
  .then(() => parentPort!.postMessage({ type: 'done' }))
  .catch((err: unknown) => parentPort!.postMessage({ type: 'error', message: String((err as Error)?.message ?? err) }));
