#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// PGlite and libpg-query are large WASM modules. With V8's default tiering, TurboFan recompiles
// their hot giant functions (the SQL grammar, the executor) on background threads, which on a
// small machine costs more CPU than a CLI run or an interactive session ever recovers: measured
// `lint --demo` 4.3 s → 1.2–1.8 s CPU, `check-migration` of one file 674 → 355 ms. So baseline
// (Liftoff) code only; the long one-off demo build runs in a child process with default tiering
// (src/core/demo/build-elsewhere.ts). TW_WASM_OPTIMIZE=1 restores the default here too.
if (!process.env.TW_WASM_OPTIMIZE) setFlagsFromString('--liftoff-only');

// the one-file bundle (scripts/bundle.mjs) starts ~0.3 s faster than the ~1,000 module files it holds
const { existsSync } = await import('node:fs');
const bundle = new URL('../dist/bundle/tablewright.mjs', import.meta.url);
import(existsSync(bundle) && !process.env.TW_NO_BUNDLE ? bundle.href : '../dist/cli/main.js').then((m) => m.main(), (err) => {
  process.stderr.write(`tablewright: could not start (${err && err.message ? err.message : err}); run "npm run build" first\n`);
  process.exit(2);
});
