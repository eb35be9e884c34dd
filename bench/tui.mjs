// TUI benchmark (not a test): cold start of the real binary in a pseudo-terminal to the first
// frame showing the relation list (cached demo; server database with 10k tables), then in-process
// keystroke-to-frame latency scrolling the 10k-relation list through the real Ink tree, and RSS.
// Usage: node bench/tui.mjs   (after npm run build; TW_BENCH_URL overrides the server)
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBenchDatabase, withDb } from './introspect-schema.mjs';
import { loadTuiModules } from './tui-modules.mjs';

process.env.NODE_ENV = 'production';
const ADMIN = process.env.TW_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.TW_BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/**
 * Starts `tablewright ARGS` under script(1) (a real pty, 120×40) and resolves the ms from spawn
 * until the screen shows `marker`, plus the node process's RSS then; then quits with q.
 */
function coldStart(args, marker, env, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const cmd = `stty cols 120 rows 40; exec ${process.execPath} ${join(root, 'bin/tablewright.js')} ${args.join(' ')}`;
    const t0 = performance.now();
    const child = spawn('script', ['-qfc', cmd, '/dev/null'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no "${marker}" within ${timeoutMs / 1000} s:\n${out.slice(-2000)}`)); }, timeoutMs);
    child.on('exit', () => {
      if (!done) { clearTimeout(timer); reject(new Error(`tablewright exited before showing "${marker}":\n${out.slice(-2000)}`)); }
    });
    child.stdout.on('data', (d) => {
      out += d;
      if (done || !out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(marker)) return;
      done = true;
      const ms = performance.now() - t0;
      let rssMB = NaN;
      try {
        // script → node (exec'd by sh): the node process is script's child
        const pids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
        const status = readFileSync(`/proc/${pids[0]}/status`, 'utf8');
        rssMB = Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
      } catch { /* not Linux */ }
      child.stdin.write('q');
      child.on('exit', () => { clearTimeout(timer); resolve({ ms, rssMB }); });
    });
  });
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read = () => { const d = this.data; this.data = null; return d; };
  write(d) { this.data = d; this.emit('readable'); }
}

class NullTty extends EventEmitter {
  isTTY = true;
  columns = 120;
  rows = 40;
  bytes = 0;
  write = (s) => { this.bytes += s.length; return true; };
}

/** The real Ink tree (bundled as the binary is) on a real connection; measures key → frame written for each key. */
async function latency(url) {
  const {
    render, React, Root, AppController, FrameWriter, resolveKeymap, loadTheme, PromptHistory, COMMANDS, CONNECTION_OPTIONS, resolveServer, openServer,
  } = await loadTuiModules();
  const conf = mkdtempSync(join(tmpdir(), 'tw-bench-tui-'));
  const env = { TW_CONFIG_DIR: conf };
  const { target } = resolveServer({ url: `${url}?sslmode=disable` }, { env: {}, home: '/nonexistent', osUser: 'postgres', demoDir: '/nonexistent' });
  const conn = await openServer(target);
  const app = new AppController({
    env, grammar: { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS }, history: new PromptHistory(env, false), keymap: resolveKeymap(),
    writeTerminal() {}, quit() {}, suspend() {}, editText: (t) => ({ text: t }), connections: () => ({}), resolveSpec() { throw new Error('no'); },
  }, 'bench');
  const tty = new NullTty();
  const frames = new FrameWriter(tty);
  let lastWrite = 0;
  const write = frames.write;
  frames.write = (s) => { lastWrite = performance.now(); return write(s); };
  const stdin = new FakeStdin();
  const inst = render(React.createElement(Root, { app, theme: loadTheme('dark', {}).theme, stdout: frames }), { stdout: frames, stdin, debug: true, exitOnCtrlC: false, patchConsole: false });
  app.attach(conn);
  while (!app.store.get().catalog.snapshot) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  const n = (app.store.get().catalog.items ?? []).length;
  const measure = async (key, count) => {
    const times = [];
    for (let i = 0; i < count; i++) {
      const before = lastWrite;
      const t0 = performance.now();
      stdin.write(key);
      while (lastWrite === before) await new Promise((r) => setImmediate(r));
      times.push(lastWrite - t0);
    }
    return times;
  };
  const down = await measure('j', 500);
  const pages = await measure('\x1b[6~', 100);
  const jumps = [];
  for (let i = 0; i < 50; i++) jumps.push(...(await measure(i % 2 ? 'g' : 'G', 1)));
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const bytesPerKey = frames.bytes / (500 + 100 + 50);
  inst.unmount();
  await app.dispose();
  rmSync(conf, { recursive: true, force: true });
  return { n, down, pages, jumps, rssMB, bytesPerKey };
}

const fmt = (xs) => `p50 ${median(xs).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

await ensureBenchDatabase(ADMIN, 'tw_bench_10k', 10000, () => {});
const url10k = withDb(ADMIN, 'tw_bench_10k');
const cache = mkdtempSync(join(tmpdir(), 'tw-bench-cache-'));
const conf = mkdtempSync(join(tmpdir(), 'tw-bench-conf-'));
const env = { TW_CACHE_DIR: cache, TW_CONFIG_DIR: conf };

// the first demo start builds it (~12 s); the measured runs open the cached one
await coldStart(['--demo'], 'orders', env, 600_000);
const demoRuns = [];
// interleaved with runs under V8's default WASM tiering (TW_WASM_OPTIMIZE=1), which bin/ turns off
const tieredRuns = [];
for (let i = 0; i < RUNS; i++) {
  demoRuns.push(await coldStart(['--demo'], 'orders', env));
  tieredRuns.push(await coldStart(['--demo'], 'orders', { ...env, TW_WASM_OPTIMIZE: '1' }));
}
// first starts (nothing cached: the list comes from the server) interleaved with later ones, which
// show the list kept from the last start until the live one arrives
const serverArgs = [`--url ${url10k}?sslmode=disable`];
await coldStart(serverArgs, 't10 ', env);
const serverRuns = [];
const firstRuns = [];
for (let i = 0; i < RUNS; i++) {
  serverRuns.push(await coldStart(serverArgs, 't10 ', env));
  const fresh = mkdtempSync(join(tmpdir(), 'tw-bench-fresh-'));
  firstRuns.push(await coldStart(serverArgs, 't10 ', { ...env, TW_CACHE_DIR: fresh }));
  rmSync(fresh, { recursive: true, force: true });
}
// the status bar says "snapshot Ns ago" once the full snapshot replaced the relation list
const full = await coldStart([`--url ${url10k}?sslmode=disable`], 'snapshot 0s ago', env);
console.log(`cold start → first frame with the relation list (binary in a pty, median of ${RUNS}); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  cached demo         ${median(demoRuns.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...demoRuns.map((r) => r.ms)).toFixed(0)}), RSS ${median(demoRuns.map((r) => r.rssMB)).toFixed(0)} MB`);
console.log(`  … default tiering   ${median(tieredRuns.map((r) => r.ms)).toFixed(0)} ms, RSS ${median(tieredRuns.map((r) => r.rssMB)).toFixed(0)} MB (TW_WASM_OPTIMIZE=1)`);
console.log(`  server, 10k tables  ${median(serverRuns.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...serverRuns.map((r) => r.ms)).toFixed(0)}), RSS ${median(serverRuns.map((r) => r.rssMB)).toFixed(0)} MB (list kept from the last start)`);
console.log(`  … first start       ${median(firstRuns.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...firstRuns.map((r) => r.ms)).toFixed(0)}) (nothing cached: the list from the server)`);
console.log(`  … full snapshot in  ${full.ms.toFixed(0)} ms, RSS then ${full.rssMB.toFixed(0)} MB`);

const l = await latency(url10k);
console.log(`keystroke → frame written, ${l.n} list rows (server 10k, full snapshot loaded, Ink tree in-process)`);
console.log(`  j ×500              ${fmt(l.down)}`);
console.log(`  PgDn ×100           ${fmt(l.pages)}`);
console.log(`  g/G ×50             ${fmt(l.jumps)}`);
console.log(`  bytes per key       ${l.bytesPerKey.toFixed(0)} (changed lines only)`);
console.log(`  RSS                 ${l.rssMB.toFixed(0)} MB`);
rmSync(cache, { recursive: true, force: true });
rmSync(conf, { recursive: true, force: true });
process.exit(0);
