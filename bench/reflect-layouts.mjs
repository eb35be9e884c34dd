// reflect's generation step alone, per layout, on one snapshot of a synthetic database (the
// 10,000-table one `npm run bench:introspect` builds by default), and the TUI Model tab's first
// and later renders on it. Usage: npm run build && node bench/reflect-layouts.mjs [database]
// (TW_DIST=dir uses another build output instead of dist/).
const dist = process.env.TW_DIST ?? new URL('../dist', import.meta.url).pathname;
const { openServer } = await import(`${dist}/core/db/server-connection.js`);
const { resolveServer } = await import(`${dist}/core/db/conninfo/resolve.js`);
const { readSnapshot } = await import(`${dist}/core/introspect/index.js`);
const { reflect } = await import(`${dist}/core/codegen/reflect/index.js`);
const { modelSource } = await import(`${dist}/tui/browser/model-tab.js`);

const db = process.argv[2] ?? 'tw_bench_10k';
const { target } = resolveServer({ url: `postgres://postgres@127.0.0.1:5432/${db}?sslmode=disable` }, { env: {}, home: '/x', osUser: 'postgres', demoDir: '/x' });
const conn = await openServer(target, { statementTimeoutMs: 300_000 });
const snap = await readSnapshot(conn, { stats: true });
await conn.close();
const tables = Object.values(snap.schemas).reduce((n, s) => n + Object.keys(s.tables).length, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// wall time, and CPU time (user + system), which a busy shared machine inflates far less
const time = (f) => { const c0 = process.cpuUsage(); const t0 = performance.now(); const r = f(); const c = process.cpuUsage(c0); return [performance.now() - t0, r, (c.user + c.system) / 1000]; };

for (const layout of ['single', 'per-schema', 'per-table']) {
  const runs = [];
  const cpu = [];
  let files = 0;
  for (let i = 0; i < 3; i++) {
    const [ms, out, cpuMs] = time(() => reflect(snap, { layout, pydantic: true, repositories: true }));
    runs.push(ms);
    cpu.push(cpuMs);
    files = out.files.length;
  }
  console.log(`reflect --layout ${layout.padEnd(10)} ${tables} tables → ${files} files: median ${median(runs).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU of 3 (generate only, with --pydantic --repositories)`);
}
const [schema, s] = Object.entries(snap.schemas).find(([, x]) => Object.keys(x.tables).length);
const names = Object.keys(s.tables).slice(0, 50);
const item = (name) => ({ key: `table:${schema}.${name}`, kind: 'table', schema, name, search: '' });
const [first] = time(() => modelSource(snap, item(names[0])));
const later = names.slice(1).map((n) => time(() => modelSource(snap, item(n)))[0]);
console.log(`Model tab on ${tables} tables: first table ${first.toFixed(0)} ms, next 49: median ${median(later).toFixed(2)} ms (above FULL_MODULE_TABLES each table gets a module of its FK neighbourhood)`);
