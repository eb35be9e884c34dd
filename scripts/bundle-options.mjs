// The esbuild options of the shipped bundle, shared by scripts/bundle.mjs and bench/tui.mjs (which
// measures keystroke latency through the same patched, production-mode code the binary runs).
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

/**
 * Costs in dependencies, cut at bundle time (measured by bench/tui.mjs): each edit names the text
 * it replaces, and the bundle fails when that text is gone after an upgrade.
 */
const PATCHES = [
  {
    // Yoga (Ink's layout engine) decodes its embedded WASM through fetch() of a data: URL, and the
    // first fetch() loads Node's undici (~100 ms); its own fallback decodes the same bytes without it
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    edits: [['"function"!=typeof fetch', 'true']],
  },
  {
    // pg asks whether it runs on Cloudflare by constructing a `Response`, which on Node 20 loads undici too
    file: /pg[\\/]lib[\\/]stream\.js$/,
    edits: [['if (isCloudflareRuntime()) {', 'if (false) {']],
  },
  {
    // Ink 6.8 tokenises every line of every frame anew (its caches live for one frame): a keystroke
    // that moves a cursor re-parses the ~40 unchanged lines around it. Shared across frames, the
    // caches hit on lines seen before (p95 per key on the 10k list 19.9 → 10.4 ms); cleared when they
    // hold 2,000 lines (~15 MB at most).
    file: /ink[\\/]build[\\/]output\.js$/,
    edits: [
      ['export default class Output {', `let sharedCaches;
const frameCaches = () => {
    if (!sharedCaches || sharedCaches.styledChars.size > 2000 || sharedCaches.widths.size > 4000) sharedCaches = new OutputCaches();
    return sharedCaches;
};
export default class Output {`],
      ['    caches = new OutputCaches();', '    caches = frameCaches();'],
    ],
  },
];

const dependencyPatches = {
  name: 'dependency-patches',
  setup(b) {
    for (const { file, edits } of PATCHES) {
      b.onLoad({ filter: file }, ({ path }) => {
        let source = readFileSync(path, 'utf8');
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`${path}: no "${from}" to patch; check scripts/bundle-options.mjs against this version`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};

/** Options every bundle of Tablewright's code shares. */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'libpg-query', 'pg-native', 'cli-highlight', 'kysely'],
  // Ink loads its React devtools only with DEV=true; the package is not installed
  alias: { 'react-devtools-core': `${root}scripts/devtools-stub.mjs` },
  // CommonJS dependencies call require() for Node's built-ins
  banner: { js: "import { createRequire as __twRequire } from 'node:module'; const require = __twRequire(import.meta.url);" },
  plugins: [dependencyPatches],
  // React's development build (1.1 MB of react-reconciler) is never run from the bundle: the TUI
  // sets NODE_ENV=production (src/cli/main.ts) before it loads React. Without it, every start
  // parses both builds.
  define: { 'process.env.NODE_ENV': '"production"' },
  // names kept: stack traces under TW_DEBUG stay readable
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
