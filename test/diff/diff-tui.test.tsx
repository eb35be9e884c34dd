import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readDiffSnapshot } from '../../src/core/diff/index.js';
import { serializeSnapshot } from '../../src/core/introspect/index.js';
import { useDemoApp } from '../tui/helpers/demo-app.js';
import { KEYS } from '../tui/helpers/render-app.js';

const demo = useDemoApp({ columns: 160, rows: 40 });

/** The demo's schema with a new column, a new enum label and a renamed-looking column, saved as a snapshot file. */
async function editedSnapshot(dir: string): Promise<string> {
  const s = await readDiffSnapshot(demo.conn());
  const customers = s.schemas.public!.tables.customers!;
  const email = customers.columns.find((c) => c.name === 'email')!;
  customers.columns.push({ ...email, name: 'nickname', notNull: false, comment: undefined, default: undefined });
  const status = s.schemas.public!.types.order_status!;
  if (status.kind === 'enum') status.labels = [...status.labels, 'on_hold'];
  const path = join(dir, 'edited.json');
  writeFileSync(path, serializeSnapshot(s));
  return path;
}

describe('Diff view (:diff --to …) on the demo database', () => {
  const home = process.cwd();
  const dirs: string[] = [];
  const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'tw-diff-tui-')); dirs.push(d); return d; };
  afterEach(() => process.chdir(home));
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('lists the changes with their risk, shows the migration and writes it with w', async () => {
    const dir = tmp();
    const target = await editedSnapshot(dir);
    const r = await demo.open();
    await r.press(':');
    await r.type(`diff --to ${target}`);
    await r.press(KEYS.enter);
    const f = await r.waitFor((x) => x.includes('add column public.customers.nickname'), 'the changes');
    expect(f).toContain('Diff · live database →');
    expect(f).toContain('add enum public.order_status labels (+on_hold)');
    expect(f).toMatch(/ALTER TYPE "public"\."order_status" ADD VALUE 'on_hold'/);
    // Enter shows the whole migration in the result view; Esc comes back to the diff
    await r.press(KEYS.enter);
    await r.waitFor((x) => x.includes('-- upgrade:'), 'the migration text');
    await r.press(KEYS.esc);
    await r.waitFor((x) => x.includes('Diff · live database'), 'the Diff view again');
    process.chdir(dir);
    await r.press('w');
    await r.until(() => !!r.app.store.get().diff.written, 'the file to be written');
    const files = readdirSync(join(dir, 'migrations'));
    expect(files.filter((x) => x.endsWith('_diff.sql'))).toHaveLength(1);
    expect(files.filter((x) => x.endsWith('_diff.down.sql'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'migrations', files.find((x) => x.endsWith('_diff.sql'))!), 'utf8')).toContain('ADD COLUMN "nickname"');
    // f switches to Alembic: the revision goes into a versions directory
    await r.press('f', 'w');
    await r.until(() => r.app.store.get().diff.written?.endsWith('.py') === true, 'the revision to be written');
    expect(readFileSync(r.app.store.get().diff.written!, 'utf8')).toContain('with op.get_context().autocommit_block():');
    await r.press(KEYS.esc);
    await r.until(() => !r.app.store.get().diff.open, 'the view to close');
  });

  it('asks about possible renames instead of guessing, and says what went wrong with a bad source', async () => {
    const dir = tmp();
    const s = await readDiffSnapshot(demo.conn());
    const col = s.schemas.public!.tables.customers!.columns.find((c) => c.name === 'email')!;
    col.name = 'email_address';
    writeFileSync(join(dir, 'renamed.json'), serializeSnapshot(s));
    const r = await demo.open();
    await r.press(':');
    await r.type(`diff --to ${join(dir, 'renamed.json')}`);
    await r.press(KEYS.enter);
    await r.waitFor((x) => x.includes('rename column public.customers.email →') && x.includes('r on one renames it'), 'the rename question');
    await r.press('r');
    await r.until(() => r.app.store.get().diff.plan !== null, 'the plan after the answer');
    expect(r.app.store.get().diff.rows.map((x) => x.summary)).toContain('rename column public.customers.email → email_address');
    await r.press(KEYS.esc, ':');
    await r.type(`diff --to ${join(dir, 'missing.sql')}`);
    await r.press(KEYS.enter);
    await r.waitFor((x) => x.includes('cannot read schema file'), 'the error');
  });
});
