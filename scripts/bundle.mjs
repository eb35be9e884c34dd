// Bundles the compiled CLI (dist/) into one file, dist/bundle/tablewright.mjs, which
// bin/tablewright.js starts when it is there. Node's ESM loader spends ~0.3 s resolving, reading
// and compiling Ink's and our ~1,000 module files at every start (bench/tui.mjs); one file
// costs a third of that. PGlite and libpg-query stay outside (they load WASM and data files
// beside their own modules), and so do the lazily loaded cli-highlight and Kysely.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  ...bundleOptions,
  entryPoints: { tablewright: `${root}dist/cli/main.js` },
  outdir: `${root}dist/bundle`,
  // each dynamic import() stays a separate file loaded on demand: the TUI loads Ink while the
  // connection and the relation list are already under way (src/tui/state/early-open.ts)
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
