import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDemoCopy } from '../helpers/demo.js';
import { KEYS, renderApp, type RenderedApp } from './helpers/render-app.js';

describe('the Wizard pane, by keystrokes on the demo', () => {
  let demo: Awaited<ReturnType<typeof openDemoCopy>>;
  let r: RenderedApp | undefined;
  let cache: string;
  beforeAll(async () => {
    demo = await openDemoCopy();
  });
  beforeEach(() => {
    // each test its own cache dir: a draft saved by one must not be resumed by the next
    cache = mkdtempSync(join(tmpdir(), 'wizard-tui-cache-'));
  });
  afterEach(() => { r?.unmount(); r = undefined; });
  afterAll(async () => demo.cleanup());

  const open = async () => {
    r = renderApp({ conn: demo.conn, size: { columns: 120, rows: 34 }, env: { TW_CACHE_DIR: cache } });
    await r.until(() => r!.app.store.get().catalog.snapshot !== null, 'the snapshot');
    return r;
  };
  const settled = (x: RenderedApp) => x.until(() => {
    const w = x.app.store.get().wizard;
    return !w.evaluating && !!w.draft && w.result?.of === w.draft;
  }, 'the draft to be checked');
  const newDraft = async (x: RenderedApp, name: string) => {
    await x.press('3');
    await x.waitFor((f) => f.includes('table name'), 'the name prompt of a new draft');
    await x.type(name);
    await x.press(KEYS.enter);
  };
  const clearAndType = async (x: RenderedApp, text: string) => { await x.press('\u0015'); await x.type(text); await x.press(KEYS.enter); };

  it('designs a table with an FK to categories, fixes the checklist, writes the files and applies the migration', async () => {
    const x = await open();
    await newDraft(x, 'products');
    await settled(x);
    // the demo has products already: the name step says so, and the answers stay while going back
    expect(x.lastFrame()).toContain('✗nam › ✗columns › key');
    await x.press('[');
    await x.waitFor((f) => f.includes('✗ public.products already exists'), 'the problem at its step');
    await x.press(KEYS.enter);
    await clearAndType(x, 'product_kits');
    // Tab completes types, modifiers and referenced tables in the column line
    for (const [typed, tab, rest] of [['title:st', ':uni', ''], ['category_id:fk(categ', '', ')'], ['price:flo', '', '']]) {
      await x.press('a');
      await x.type(typed!);
      await x.press(KEYS.tab);
      if (tab) { await x.type(tab); await x.press(KEYS.tab); }
      await x.type(rest!);
      await x.press(KEYS.enter);
    }
    expect(x.app.store.get().wizard.draft!.columns.map((c) => [c.name, c.type, c.unique])).toEqual([['title', 'str', true], ['category_id', '', false], ['price', 'float', false]]);
    await settled(x);
    let f = await x.waitFor((fr) => fr.includes('TY10'), 'the checklist to flag the float price');
    expect(f).toMatch(/category_id\s+→ categories {2}not null/);
    await x.press('f');
    await settled(x);
    f = await x.waitFor((fr) => fr.includes('✓ checklist clean'), 'the checklist to go green');
    expect(x.app.store.get().wizard.draft!.columns.find((c) => c.name === 'price')!.type).toBe('numeric(12,2)');
    await x.press(']');
    await x.waitFor((fr) => /timestamps\s+yes/.test(fr), 'the keys step');
    await x.press(']');
    await x.waitFor((fr) => fr.includes('→ categories · RESTRICT · indexed'), 'the relations step');
    await x.press(' ');
    await x.waitFor((fr) => fr.includes('→ categories · CASCADE · indexed'), 'ON DELETE cycled');
    await x.press(']', ']');
    await settled(x);
    // the preview tabs: the Alembic revision with the table and its downgrade
    await x.press('}', '}', '}', '}');
    f = await x.waitFor((fr) => fr.includes('_create_product_kits.py'), 'the alembic tab');
    expect(f).toContain('def upgrade() -> None:');
    const out = mkdtempSync(join(tmpdir(), 'wizard-tui-out-'));
    await x.press(KEYS.enter);
    await x.waitFor((fr) => fr.includes('output directory'), 'the output directory prompt');
    await clearAndType(x, out);
    await settled(x);
    await x.press('w');
    await x.until(() => x.app.store.get().wizard.written.length > 0, 'the files to be written');
    expect(readdirSync(out).sort()).toEqual(['__init__.py', 'alembic', 'models.py', 'product_kits.sql', 'repositories.py', 'schemas.py', 'test_product_kits.py']);
    expect(readFileSync(join(out, 'models.py'), 'utf8')).toContain('ForeignKey("categories.id", ondelete="CASCADE")');
    expect(readdirSync(join(out, 'alembic', 'versions'))).toEqual([expect.stringMatching(/^[0-9a-f]{12}_create_product_kits\.py$/)]);
    await x.press('x');
    await x.waitFor((fr) => fr.includes('Create public.product_kits on'), 'the confirmation');
    await x.press('y');
    await x.until(() => !!x.app.store.get().catalog.snapshot?.schemas.public!.tables.product_kits, 'the new table in the snapshot');
    expect(x.app.store.get().message?.text).toMatch(/public\.product_kits created/);
    // the Browser shows it at once, and the saved draft is gone
    await x.press('1');
    await x.waitFor((fr) => fr.includes('product_kits'), 'the Browser to list it');
    expect(existsSync(join(cache, 'wizard-draft.json'))).toBe(false);
  });

  it('new-table runs on the command line too; an applied table is re-read at once', async () => {
    const x = await open();
    await x.press(':');
    await x.type('new-table loyalty_tiers --fields "label:str:unique,min_points:int=0" --print');
    await x.press(KEYS.enter);
    await x.waitFor((f) => f.includes('CREATE TABLE "public"."loyalty_tiers"'), 'the DDL in the result view');
    await x.press(KEYS.esc, ':');
    await x.type(`new-table loyalty_tiers --fields "label:str:unique" --output-dir ${mkdtempSync(join(tmpdir(), 'wizard-tui-prompt-'))} --apply --yes`);
    await x.press(KEYS.enter);
    await x.until(() => !!x.app.store.get().catalog.snapshot?.schemas.public!.tables.loyalty_tiers, 'the snapshot to be re-read');
  });

  it('keeps a half-done draft across a quit and resumes it', async () => {
    let x = await open();
    await newDraft(x, 'wish_items');
    await x.press('a');
    await x.type('note:text?');
    await x.press(KEYS.enter);
    await settled(x);
    x.unmount();
    r = undefined;
    x = await open();
    await x.press('3');
    await x.waitFor((f) => f.includes('public.wish_items') && /note\s+text\s+null/.test(f), 'the resumed draft');
    expect(x.app.store.get().message?.text).toMatch(/resumed the draft of public\.wish_items/);
    // bad input stays in the line with its message; nothing changes until it parses
    await x.press('a');
    await x.type('qty:int:sorted');
    await x.press(KEYS.enter);
    await x.waitFor((f) => f.includes('unknown modifier "sorted"'), 'the field error');
    expect(x.app.store.get().wizard.edit?.text).toBe('qty:int:sorted');
    await x.press(KEYS.esc);
    await x.press('?');
    await x.waitFor((f) => f.includes('Keys — Wizard') && f.includes('apply the first checklist fix'), 'the wizard keys in the help');
    await x.press(KEYS.esc);
    await x.press('N');
    await x.waitFor((f) => f.includes('Discard this draft'), 'the discard question');
    await x.press('y');
    await x.until(() => x.app.store.get().wizard.draft?.name === '', 'a fresh draft');
  });
});
