// Demo database figures: first build, reopen (median of 5 fresh processes), RSS and size on disk.
// Usage: node bench/demo.mjs   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mode = process.argv[2];
if (mode === '--child-build' || mode === '--child-open') {
  const dir = process.argv[3];
  const t0 = performance.now();
  if (mode === '--child-build') {
    const { ensureDemo } = await import('../dist/core/demo/build.js');
    await ensureDemo(dir);
  } else {
    const { openEmbedded } = await import('../dist/core/db/embedded-connection.js');
    const c = await openEmbedded({ kind: 'embedded', dataDir: dir, demo: true, sources: { dataDir: 'bench' } });
    await c.query('SELECT count(*) FROM public.orders');
    await c.close();
  }
  console.log(JSON.stringify({ ms: performance.now() - t0, rssMB: process.memoryUsage().rss / 2 ** 20 }));
  process.exit(0);
}

const root = mkdtempSync(join(tmpdir(), 'tw-bench-demo-'));
const dir = join(root, 'demo');
const child = (m) => JSON.parse(spawnSync(process.execPath, [import.meta.filename, m, dir], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const build = child('--child-build');
const opens = Array.from({ length: 5 }, () => child('--child-open'));
const du = spawnSync('du', ['-sm', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
console.log(`demo first build   ${(build.ms / 1000).toFixed(1)} s, peak-ish RSS ${build.rssMB.toFixed(0)} MB`);
console.log(`demo reopen+query  median ${median(opens.map((o) => o.ms)).toFixed(0)} ms of 5 (min ${Math.min(...opens.map((o) => o.ms)).toFixed(0)}, max ${Math.max(...opens.map((o) => o.ms)).toFixed(0)}), RSS ${median(opens.map((o) => o.rssMB)).toFixed(0)} MB`);
console.log(`demo on disk       ${du} MB`);
rmSync(root, { recursive: true, force: true });
