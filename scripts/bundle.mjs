// Bundles the compiled CLI (dist/) into one file, dist/bundle/tablewright.mjs, which
// bin/tablewright.js starts when it is there. Node's ESM loader spends ~0.3 s resolving, reading
// and compiling Ink's and our ~1,000 module files at every start (bench/tui.mjs); one file
// costs a third of that. PGlite and libpg-query stay outside (they load WASM and data files
// beside their own modules), and so do the lazily loaded cli-highlight and Kysely.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist/bundle`, { recursive: true, force: true });
/**
 * Start-up costs in dependencies, cut at bundle time (measured by bench/tui.mjs): each patch
 * names the text it replaces, and the bundle fails when that text is gone after an upgrade.
 */
const PATCHES = [
  // Yoga (Ink's layout engine) decodes its embedded WASM through fetch() of a data: URL, and the
  // first fetch() loads Node's undici (~100 ms); its own fallback decodes the same bytes without it
  { file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, from: '"function"!=typeof fetch', to: 'true' },
  // pg asks whether it runs on Cloudflare by constructing a `Response`, which on Node 20 loads undici too
  { file: /pg[\\/]lib[\\/]stream\.js$/, from: 'if (isCloudflareRuntime()) {', to: 'if (false) {' },
];

const startupPatches = {
  name: 'startup-patches',
  setup(b) {
    for (const { file, from, to } of PATCHES) {
      b.onLoad({ filter: file }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(from)) throw new Error(`${path}: no "${from}" to patch; check scripts/bundle.mjs against this version`);
        return { contents: source.replace(from, to), loader: 'js' };
      });
    }
  },
};

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
  plugins: [startupPatches],
  // React's development build (1.1 MB of react-reconciler) is never run from the bundle: the TUI
  // sets NODE_ENV=production (src/cli/main.ts) before it loads React. Without it, every start
  // parses both builds.
  define: { 'process.env.NODE_ENV': '"production"' },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
