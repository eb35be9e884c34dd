// The wizard's work per change of the draft (one keystroke that edits it): resolve types and check
// defaults on the server, validate, run the checklist, plan the migration, generate every file.
// On a copy of the demo (embedded PGlite). Usage: npm run build && node bench/wizard.mjs
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemo } from '../dist/core/demo/build.js';
import { openEmbedded } from '../dist/core/db/embedded-connection.js';
import { readSnapshot } from '../dist/core/introspect/index.js';
import { applyFields, draftChecklist, emptyDraft, evaluate, evaluateLocal, generateFiles } from '../dist/core/design/index.js';

const template = join(process.cwd(), '.tw-test-cache', 'demo-template');
await ensureDemo(template);
const root = mkdtempSync(join(tmpdir(), 'tw-bench-wizard-'));
cpSync(template, join(root, 'demo'), { recursive: true });
const conn = await openEmbedded({ kind: 'embedded', dataDir: join(root, 'demo'), demo: true, sources: { dataDir: 'bench' } });
const snap = await readSnapshot(conn, { stats: false });
const draft = { ...applyFields(emptyDraft('product_kits'), "title:str:unique,category_id:fk(categories),price:numeric(12,2)=0,state:enum(draft|live)='draft',notes:text?"), timestamps: true };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn, n = 15) => {
  const xs = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(); xs.push(performance.now() - t0); }
  return median(xs);
};
const full = await time(async () => {
  const ev = await conn.withSession((s) => evaluate(s, snap, draft));
  draftChecklist(ev);
  generateFiles(ev, { createDate: '2026-01-01 00:00:00' });
});
const local = await time(async () => { draftChecklist(await evaluateLocal(snap, draft)); });
const evaluated = await conn.withSession((s) => evaluate(s, snap, draft));
const files = await time(async () => { generateFiles(evaluated, { createDate: '2026-01-01 00:00:00' }); });
const tables = Object.values(snap.schemas).reduce((n, s) => n + Object.keys(s.tables).length, 0);
console.log(`wizard, per draft change on the demo (${tables} tables): median ${full.toFixed(0)} ms of 15 (server checks + checklist + migration plan + 7 files); checklist alone ${local.toFixed(0)} ms, files and migration alone ${files.toFixed(0)} ms`);
await conn.close();
rmSync(root, { recursive: true, force: true });
