// Where keystroke time goes on the 10k list: run `node --cpu-prof bench/tui-profile.mjs` (after
// npm run build and one run of bench/tui.mjs, which creates tw_bench_10k). Also prints how long the
// background snapshot read blocks the event loop. Not part of the reported figures.
process.env.NODE_ENV = 'production';
const URL10K = `${(process.env.TW_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, '')}/tw_bench_10k?sslmode=disable`;
const { EventEmitter } = await import('node:events');
const { loadTuiModules } = await import('./tui-modules.mjs');
const {
  render, React, Root, AppController, FrameWriter, resolveKeymap, loadTheme, PromptHistory, COMMANDS, CONNECTION_OPTIONS, resolveServer, openServer,
} = await loadTuiModules();
const { target } = resolveServer({ url: URL10K }, { env: {}, home: '/x', osUser: 'postgres', demoDir: '/x' });
const conn = await openServer(target);
const env = { TW_CONFIG_DIR: '/tmp/tw-prof-conf' };
const app = new AppController({ env, grammar: { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS }, history: new PromptHistory(env, false), keymap: resolveKeymap(), writeTerminal() {}, quit() {}, suspend() {}, editText: (t) => ({ text: t }), connections: () => ({}), resolveSpec() { throw new Error('x'); } }, 'bench');
class Tty extends EventEmitter { isTTY = true; columns = 120; rows = 40; write = () => true; }
class In extends EventEmitter { isTTY = true; data = null; setEncoding() {} setRawMode() {} ref() {} unref() {} read = () => { const d = this.data; this.data = null; return d; }; write(d) { this.data = d; this.emit('readable'); } }
const frames = new FrameWriter(new Tty());
let last = 0; const w = frames.write; frames.write = (s) => { last = performance.now(); return w(s); };
const stdin = new In();
const { monitorEventLoopDelay } = await import('node:perf_hooks');
const h = monitorEventLoopDelay({ resolution: 5 }); h.enable();
render(React.createElement(Root, { app, theme: loadTheme('dark', {}).theme, stdout: frames }), { stdout: frames, stdin, debug: true, exitOnCtrlC: false, patchConsole: false });
const t0 = performance.now();
app.attach(conn);
while (!app.store.get().catalog.items) await new Promise((r) => setTimeout(r, 5));
const tList = performance.now() - t0;
while (!app.store.get().catalog.snapshot) await new Promise((r) => setTimeout(r, 5));
console.log(`relation list ${tList.toFixed(0)} ms, snapshot ${(performance.now() - t0).toFixed(0)} ms, event-loop delay max ${(h.max / 1e6).toFixed(0)} ms p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms`);
const times = [];
for (let i = 0; i < 300; i++) { const b = last; const s = performance.now(); stdin.write('j'); while (last === b) await new Promise((r) => setImmediate(r)); times.push(last - s); }
times.sort((a, b) => a - b);
console.log(`j: p50 ${times[150].toFixed(2)} p95 ${times[285].toFixed(2)}; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
process.exit(0);
