import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

const demo = useDemoApp({ columns: 150, rows: 44 });

async function openChecklist(): Promise<RenderedApp> {
  const r = await demo.open();
  await r.press('4');
  await r.until(() => r.app.store.get().checklist.result !== null, 'the rules to run');
  return r;
}

describe('Checklist pane on the demo database', () => {
  it('lists the findings grouped by severity with counts in the title, and the rules that could not run', async () => {
    const r = await openChecklist();
    const f = r.lastFrame();
    expect(f).toMatch(/Schema · by severity · 0E 9W \d+I/);
    expect(f).toContain('Warnings (9)');
    expect(f).toContain('IX01 public.order_items.product_id');
    expect(f).toMatch(/Not run \(\d+\)/);
  });
  it('shows why and the fix of the selected finding, and regroups by table', async () => {
    const r = await openChecklist();
    await r.press('j', 'j');
    const f = await r.waitFor((x) => x.includes('WARNING  IX01 fk-without-index'), 'the IX01 detail');
    expect(f).toContain('why');
    expect(f).toContain('CREATE INDEX CONCURRENTLY customers_referred_by_idx ON');
    await r.press('v', 'v');
    await r.waitFor((x) => x.includes('Schema · by table') && x.includes('public.orders ('), 'grouping by table');
  });
  it('copies the fix with OSC 52 and jumps to the table in the Browser with Enter', async () => {
    const r = await openChecklist();
    await r.press('j', 'j', 'y');
    expect(r.terminalWrites.join('')).toContain(Buffer.from('CREATE INDEX CONCURRENTLY customers_referred_by_idx ON public.customers (referred_by);').toString('base64'));
    await r.press(KEYS.enter);
    await r.until(() => r.app.store.get().pane === 'browser', 'the Browser');
    expect(r.app.store.get().browser.selected).toContain('customers');
  });
  it('runs a fix only in write mode and after a yes, then updates live', async () => {
    const r = await openChecklist();
    await r.press('j', 'j');
    r.app.session.resetWriteMode?.();
    const before = r.app.store.get().checklist.result!.findings.filter((x) => x.ruleId === 'IX01').length;
    expect(before).toBe(2);
    // embedded databases are writable, but the session starts with writes off: x must refuse
    if (!r.app.session.writeMode) {
      await r.press('x');
      await r.waitFor((x) => x.includes('press W to allow writes'), 'the refusal');
      await r.press('W');
      await r.until(() => r.app.session.writeMode, 'write mode');
    }
    await r.press('x');
    await r.waitFor((x) => x.includes('Run on postgres?'), 'the confirmation');
    await r.press('y');
    await r.until(() => r.app.store.get().checklist.result?.findings.filter((x) => x.ruleId === 'IX01').length === 1, 'the list to update after the fix');
    const idx = await demo.conn().query(`SELECT 1 FROM pg_indexes WHERE indexname = 'customers_referred_by_idx'`);
    expect(idx.rows).toHaveLength(1);
    expect(r.lastFrame()).toContain('Warnings (8)');
  });
  it('checks migrations in the Migrations tab and shows each finding next to its source line', async () => {
    const r = await openChecklist();
    await r.press('p');
    await r.type(join(process.cwd(), 'test', 'fixtures', 'migrations-tui'));
    await r.press(KEYS.enter);
    await r.until(() => r.app.store.get().checklist.migrations.result !== null, 'the migration check');
    await r.press('j');
    const f = await r.waitFor((x) => x.includes('MS01'), 'the MS01 finding');
    expect(f).toMatch(/Migrations · .*migrations-tui/);
    expect(f).toMatch(/2 ▶ CREATE INDEX orders_notes_idx ON public\.orders \(notes\);/);
  });
  it('lists its keys in the help overlay', async () => {
    const r = await openChecklist();
    await r.press('?');
    const f = r.lastFrame();
    expect(f).toContain('Keys — Checklist');
    for (const help of ['group by severity/category/table', 'run the fix (write mode, asks)', 'copy the fix SQL']) expect(f).toContain(help);
  });
});
