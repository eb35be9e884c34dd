import { describe, expect, it } from 'vitest';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

const SIZE = { columns: 100, rows: 32 };
const demo = useDemoApp(SIZE);
const lastLine = (f: string) => f.split('\n').at(-1)!;
const openBrowser = () => demo.open();

async function select(r: RenderedApp, filter: string): Promise<void> {
  await r.press('/');
  await r.type(filter);
  await r.press(KEYS.enter);
}

describe('Browser on the demo database', () => {
  it('lists schemas and tables with row estimates and sizes', async () => {
    const r = await openBrowser();
    const f = r.lastFrame();
    for (const s of ['▾ public', 'orders', 'customers', 'order_items']) expect(f).toContain(s);
    expect(f).toMatch(/T orders\s+100k\s+\d+(\.\d)? MB/);
    expect(f).toContain('PostgreSQL');
  });

  it('filters the list as you type and clears with Esc', async () => {
    const r = await openBrowser();
    await r.press('/');
    await r.type('ord');
    let f = r.lastFrame();
    expect(f).toMatch(/\/ord\s+\d+ of \d+/);
    expect(f).toContain('order_items');
    expect(f).not.toContain('countries');
    await r.press(KEYS.esc);
    f = r.lastFrame();
    expect(f).toContain('countries');
    expect(f).not.toContain('/ord');
  });

  it('selecting a table shows its columns from the snapshot', async () => {
    const r = await openBrowser();
    await select(r, 'customers');
    const f = r.lastFrame();
    expect(f).toContain('public.customers  table');
    expect(f).toMatch(/email\s+public\.email_address\s+not null/);
    expect(f).toMatch(/referred_by\s+uuid\s+null/);
    expect(f).toContain('People who buy from the shop');
  });

  it('shows incoming and outgoing foreign keys and jumps along one with Enter', async () => {
    const r = await openBrowser();
    await select(r, 'order_items');
    await r.press(']', ']', ']');
    let f = r.lastFrame();
    expect(f).toContain('Outgoing (2)');
    expect(f).toMatch(/\(order_id\) → public\.orders\(id\)/);
    await r.press(KEYS.enter); // focus the details
    await r.press(KEYS.enter); // follow the first foreign key
    f = await r.waitFor((x) => x.includes('jumped to public.orders'), 'the jump');
    expect(f).toContain('public.orders  table');
    expect(f).toMatch(/Incoming \(\d+\)/);
    expect(f).toContain('public.order_items(order_id)');
  });

  it('shows indexes, constraints, DDL and the FK diagram', async () => {
    const r = await openBrowser();
    await select(r, 'orders');
    await r.press(']');
    expect(r.lastFrame()).toContain('orders_customer_id_idx');
    await r.press(']');
    expect(r.lastFrame()).toMatch(/orders_pkey\s+primary key/);
    await r.press(']', ']', ']');
    const ddl = await r.waitFor((f) => f.includes('CREATE TABLE'), 'the DDL');
    expect(ddl).toContain('"public"."orders"');
    await r.press(']');
    const d = r.lastFrame();
    // boxes with key columns; crow's-foot ends: many children on the left, one parent on the right
    expect(d).toMatch(/┌ orders ─+┐/);
    expect(d).toMatch(/│>○─+┼┼│ ◆ id/);
    expect(d).toMatch(/│>○─+○┼│ ◆ code/);
    expect(d).toContain('┌ customers');
    expect(d).toContain('→ customer_id');
  });

  it('walks the schema along relations in the FK diagram', async () => {
    const r = await openBrowser();
    await select(r, 'orders');
    await r.press('[', '[');
    await r.waitFor((f) => f.includes('referenced by'), 'the diagram');
    // Enter focuses the diagram; the neighbours are picked top to bottom, left before right
    await r.press(KEYS.enter, 'j', KEYS.enter);
    await r.until(() => r.app.store.get().browser.selected?.includes('coupons') ?? false, 'the jump to coupons');
    const f = await r.waitFor((x) => x.includes('public.coupons'), 'the coupons diagram');
    expect(f).toMatch(/┌ orders ─+┐/);
    expect(f).toMatch(/┌ coupons ─+┐/);
  });

  it('wraps long DDL lines and scrolls wide details sideways', async () => {
    const r = await openBrowser();
    await select(r, 'orders');
    await r.press('[', '[', '[');
    const ddl = await r.waitFor((f) => f.includes('CREATE TABLE'), 'the DDL');
    // the foreign key line is longer than the pane: wrapped, not cut
    expect(ddl).toContain('REFERENCES "public"."coupons" ("code")');
    await r.press(KEYS.esc, '/');
    await r.type('customers');
    await r.press(KEYS.enter);
    // in the list, l and h switch tabs (DDL → Diagram and back), then back to Columns and into the details
    await r.press('l');
    expect(r.lastFrame()).toMatch(/┌ customers ─+┐/);
    await r.press('h', '[', '[', '[', '[', '[');
    expect(r.lastFrame()).toMatch(/email\s+public\.email_address/);
    await r.press(KEYS.enter);
    expect(r.lastFrame()).not.toContain('Login and contact');
    await r.press('l', 'l', 'l', 'l', 'l', 'l');
    expect(r.lastFrame()).toContain('Login and contact');
    await r.press('h', 'h', 'h', 'h', 'h', 'h');
    expect(r.lastFrame()).toMatch(/◆ id\s+uuid/);
  });

  it('copies the qualified name and the DDL with OSC 52', async () => {
    const r = await openBrowser();
    await select(r, 'countries');
    await r.press('y');
    expect(r.terminalWrites.at(-1)).toBe(`\x1b]52;c;${Buffer.from('public.countries').toString('base64')}\x07`);
    await r.press('Y');
    await r.waitFor((f) => f.includes('copied the DDL'), 'DDL copied');
    const b64 = /\x1b\]52;c;([A-Za-z0-9+/=]+)\x07/.exec(r.terminalWrites.at(-1)!)![1]!;
    expect(Buffer.from(b64, 'base64').toString()).toMatch(/^CREATE TABLE "public"."countries"/);
  });

  it('runs SQL from the command line into a scrollable grid', async () => {
    const r = await openBrowser();
    await r.press(':');
    await r.type("select g as n, 'row ' || g as label from generate_series(1, 200) g");
    await r.press(KEYS.enter);
    let f = await r.waitFor((x) => x.includes('Result'), 'the result');
    expect(f).toMatch(/n\s+│ label/);
    expect(lastLine(f)).toContain('200 rows');
    expect(f).toMatch(/│ 1\s+│ row 1\s/);
    // the cursor moves first; the view follows it once it reaches the bottom edge
    await r.press('j', 'j', 'j');
    expect(r.lastFrame()).toContain('row 4 of 200');
    expect(r.lastFrame()).toMatch(/│ 1\s+│ row 1\s/);
    await r.press(KEYS.pageDown, KEYS.pageDown);
    f = r.lastFrame();
    expect(f).not.toMatch(/│ 1\s+│ row 1\s/);
    await r.press('G');
    expect(r.lastFrame()).toMatch(/│ 200\s+│ row 200/);
    expect(r.lastFrame()).toContain('row 200 of 200');
    await r.press(KEYS.esc);
    expect(r.lastFrame()).not.toContain('Result');
    await r.press('o');
    expect(r.lastFrame()).toContain('Result');
  });

  it('runs CLI commands and meta-commands through the same grammar', async () => {
    const r = await openBrowser();
    await r.press(':');
    await r.type('\\d orders');
    await r.press(KEYS.enter);
    let f = await r.waitFor((x) => x.includes('Table "public.orders"'), '\\d output');
    expect(f).toMatch(/Column\s+│ Type/);
    await r.press(KEYS.esc, ':');
    await r.type('status');
    await r.press(KEYS.enter);
    f = await r.waitFor((x) => x.includes('status: done'), 'status');
    expect(f).toContain('mode');
  });

  it('shows SQL errors with the server position, and refuses writes in read-only mode', async () => {
    const r = await openBrowser();
    await r.press(':');
    await r.type('select * frm orders');
    await r.press(KEYS.enter);
    let f = await r.waitFor((x) => x.includes('syntax error'), 'the error');
    expect(lastLine(f)).toMatch(/syntax error at or near "frm"\s+at line 1:10: select \* frm orders/);
    await r.press(':');
    await r.type('write off');
    await r.press(KEYS.enter);
    f = await r.waitFor((x) => x.includes('Read-only'), 'write off');
    expect(f).toContain('· read-only');
    await r.press(':');
    await r.type("insert into countries (code, name) values ('ZZ', 'Nowhere')");
    await r.press(KEYS.enter);
    f = await r.waitFor((x) => x.includes('read-only'), 'the refusal');
    expect(lastLine(f)).toMatch(/read-only transaction/);
    const n = await demo.conn().query<{ n: number }>("select count(*)::int as n from countries where code = 'ZZ'");
    expect(n.rows[0]!.n).toBe(0);
    await r.press(':');
    await r.type('write on');
    await r.press(KEYS.enter);
    await r.waitFor((x) => x.includes('· read-write'), 'write on');
  });
});
