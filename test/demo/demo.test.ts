import { existsSync, mkdirSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { ensureDemo, isDemoCurrent, resetDemo } from '../../src/core/demo/build.js';
import { demoTemplate, openDemoCopy } from '../helpers/demo.js';

describe('demo database contents', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ conn, cleanup } = await openDemoCopy()));
  afterAll(() => cleanup());

  const one = async (q: string) => Object.values((await conn.query(q)).rows[0]!)[0];

  it('has the three schemas and data of realistic size', async () => {
    expect((await conn.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ('public','analytics','audit') ORDER BY 1`)).rows.map((r) => r.nspname))
      .toEqual(['analytics', 'audit', 'public']);
    expect(Number(await one('SELECT count(*) FROM public.orders'))).toBe(100000);
    expect(Number(await one('SELECT count(*) FROM public.order_items'))).toBeGreaterThan(200000);
    expect(Number(await one('SELECT count(*) FROM analytics.events'))).toBe(100000);
    expect(Number(await one('SELECT count(*) FROM analytics.events_default'))).toBeGreaterThan(0);
  });
  it('keeps referential integrity although FK triggers were off during the load', async () => {
    expect(Number(await one('SELECT count(*) FROM public.order_items i LEFT JOIN public.products p ON p.id = i.product_id WHERE p.id IS NULL'))).toBe(0);
    expect(Number(await one('SELECT count(*) FROM public.orders o LEFT JOIN public.customers c ON c.id = o.customer_id WHERE c.id IS NULL'))).toBe(0);
    expect(Number(await one('SELECT count(*) FROM public.customers a LEFT JOIN public.customers b ON b.id = a.referred_by WHERE a.referred_by IS NOT NULL AND b.id IS NULL'))).toBe(0);
    expect(Number(await one(`SELECT count(*) FROM public.orders o WHERE o.total <> (SELECT sum(line_total) FROM public.order_items i WHERE i.order_id = o.id)`))).toBe(0);
  });
  it('carries the deliberate flaws the checklist is meant to find', async () => {
    // FK without an index on its columns
    expect(Number(await one(`SELECT count(*) FROM pg_index WHERE indrelid = 'public.order_items'::regclass AND indkey[0] = 3`))).toBe(0);
    // table without a primary key
    expect(Number(await one(`SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.newsletter_signups'::regclass AND contype = 'p'`))).toBe(0);
    // two identical indexes
    expect(await one(`SELECT count(*) FROM pg_index WHERE indrelid = 'public.orders'::regclass AND indkey::text = '2' AND indpred IS NULL`)).toBe('2');
  });
  it('has the object kinds the product shows', async () => {
    const kinds = (await conn.query<{ relkind: string }>(`SELECT DISTINCT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public','analytics','audit') ORDER BY 1`)).rows.map((r) => r.relkind);
    expect(kinds).toEqual(expect.arrayContaining(['r', 'p', 'v', 'm', 'i', 'S', 'c']));
    expect(await one(`SELECT relrowsecurity FROM pg_class WHERE oid = 'public.support_tickets'::regclass`)).toBe(true);
    expect(Number(await one(`SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'public.orders'::regclass`))).toBe(1);
    expect(Number(await one('SELECT count(*) FROM audit.log'))).toBeGreaterThan(0);
    expect(await one(`SELECT attgenerated FROM pg_attribute WHERE attrelid = 'public.order_items'::regclass AND attname = 'line_total'`)).toBe('s');
    expect(Number(await one(`SELECT count(*) FROM analytics.daily_revenue`))).toBeGreaterThan(300);
  });
  it('has planner statistics, so EXPLAIN shows real choices', async () => {
    expect(Number(await one(`SELECT reltuples FROM pg_class WHERE oid = 'public.orders'::regclass`))).toBeGreaterThan(90000);
  });
});

describe('demo lifecycle', () => {
  const root = mkdtempSync(join(tmpdir(), 'tw-demo-life-'));

  it('reuses a current demo without rebuilding', async () => {
    expect(isDemoCurrent(demoTemplate())).toBe(true);
    expect(await ensureDemo(demoTemplate())).toBe('reused');
  });
  it('never deletes a directory that is not its own', async () => {
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'x');
    await expect(ensureDemo(foreign)).rejects.toThrow(/is not a Tablewright demo database; move it aside/);
    await expect(resetDemo(foreign)).rejects.toThrow(/refusing to delete it/);
    expect(readdirSync(foreign)).toEqual(['keep.txt']);
  });
  it('builds a fresh demo atomically, reporting progress', async () => {
    const dir = join(root, 'cache', 'demo');
    const steps: string[] = [];
    await resetDemo(dir, (s) => steps.push(s));
    expect(isDemoCurrent(dir)).toBe(true);
    expect(steps[0]).toBe('creating database');
    expect(steps.at(-1)).toBe('done');
    expect(readdirSync(join(root, 'cache'))).toEqual(['demo']);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
  }, 120_000);
});
