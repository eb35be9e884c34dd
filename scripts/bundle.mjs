// Bundles the compiled CLI (dist/) into one file, dist/bundle/tablewright.mjs, which
// bin/tablewright.js starts when it is there. Node's ESM loader spends ~0.3 s resolving, reading
// and compiling Ink's and our ~1,000 module files at every start (bench/tui.mjs); one file
// costs a third of that. PGlite and libpg-query stay outside (they load WASM and data files
// beside their own modules), and so do the lazily loaded cli-highlight and Kysely.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  entryPoints: { tablewright: `${root}dist/cli/main.js` },
  outdir: `${root}dist/bundle`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // each dynamic import() stays a separate file loaded on demand: the TUI loads Ink while the
  // connection and the relation list are already under way (src/tui/state/early-open.ts)
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'libpg-query', 'pg-native', 'cli-highlight', 'kysely'],
  // Ink loads its React devtools only with DEV=true; the package is not installed
  alias: { 'react-devtools-core': `${root}scripts/devtools-stub.mjs` },
  // CommonJS dependencies call require() for Node's built-ins
  banner: { js: "import { createRequire as __twRequire } from 'node:module'; const require = __twRequire(import.meta.url);" },
  logLevel: 'warning',
});
