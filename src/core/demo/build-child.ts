import { ensureDemo } from './build.js';

// Entry point of the child process that builds the demo (see build-elsewhere.ts): progress and the
// outcome go to the parent over IPC.
const dir = process.argv[2];
const send = (m: object) => process.send?.(m);
if (!dir) {
  send({ type: 'error', message: 'build-child: no demo directory given' });
  process.exitCode = 2;
} else {
  ensureDemo(dir, (step, done, total) => send({ type: 'progress', step, done, total }))
    .then((how) => send({ type: 'done', how }))
    .catch((err: unknown) => {
      send({ type: 'error', message: String((err as Error)?.message ?? err) });
      process.exitCode = 1;
    })
    .finally(() => process.disconnect?.());
}
