import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelSource } from '../../src/tui/browser/model-tab.js';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

const demo = useDemoApp({ columns: 110, rows: 40 });
const plain = (f: string) => f.replace(/\x1b\[[0-9;]*m/g, '');

async function select(r: RenderedApp, filter: string): Promise<void> {
  await r.press('/');
  await r.type(filter);
  await r.press(KEYS.enter);
}

describe('Browser: the Model tab and exporting the models', () => {
  it('shows the generated SQLAlchemy class of the selected table, with its relationships', async () => {
    const r = await demo.open();
    await select(r, 'orders');
    await r.press('[');
    const f = plain(await r.waitFor((x) => plain(x).includes('class Order(Base):'), 'the Model tab'));
    expect(f).toMatch(/ Model \s*/);
    expect(f).toContain('__tablename__ = "orders"');
    // into the details, then to the end of the class: relationships and the export hint
    await r.press(KEYS.enter, 'G');
    const end = plain(r.lastFrame());
    expect(end).toMatch(/customer: Mapped\[Customer\] =[\s│]+relationship\(back_populates="orders"\)/);
    expect(end).toContain('M exports every model');
  });

  it('lists what the model cannot express as comments under the class', async () => {
    const r = await demo.open();
    await select(r, 'support_tickets');
    await r.press('[');
    await r.waitFor((x) => plain(x).includes('class SupportTicket(Base):'), 'the Model tab');
    await r.press(KEYS.enter, 'G');
    expect(plain(r.lastFrame())).toContain('# warning: row-level security is enabled');
  });

  it('on a big schema, generates the class from the table and its FK neighbours only, and says so', async () => {
    const r = await demo.open();
    const snap = r.app.store.get().catalog.snapshot!;
    const item = { key: 'table:public.orders', kind: 'table' as const, schema: 'public', name: 'orders', search: 'public.orders' };
    const part = modelSource(snap, item, 0);
    expect(part).toContain('# generated from this table and its foreign-key neighbours');
    const cls = (src: string) => src.slice(src.indexOf('class Order(Base):'), src.indexOf('\n# '));
    // the demo's names are unambiguous, so the narrowed module gives the very same class
    expect(cls(part)).toBe(cls(modelSource(snap, item)));
    const view = modelSource(snap, { key: 'view:public.customer_order_summary', kind: 'view', schema: 'public', name: 'customer_order_summary', search: '' }, 0);
    expect(view).toContain('t_customer_order_summary_view = Table(');
  });

  it('M puts the export on the command line; Enter runs reflect through the session', async () => {
    const r = await demo.open();
    await r.press('M');
    expect(plain(r.lastFrame())).toContain('reflect --output ./models');
    const out = join(mkdtempSync(join(tmpdir(), 'tw-reflect-tui-')), 'models');
    await r.press('\u0015'); // ctrl+u clears the line
    await r.type(`reflect --output ${out} --layout per-table`);
    await r.press(KEYS.enter);
    await r.until(() => existsSync(join(out, '__init__.py')), 'the exported package');
    expect(readFileSync(join(out, 'models', 'order.py'), 'utf8')).toContain('class Order(Base):');
    expect(plain(await r.waitFor((x) => /written/.test(plain(x)), 'the report'))).toMatch(/\d+ written, 0 unchanged/);
  });
});
