import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { lintDatabase, type LintResult } from '../../src/core/rules/index.js';
import { openDemoCopy } from '../helpers/demo.js';

describe('lint on the demo database', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let result: LintResult;
  beforeAll(async () => {
    ({ conn, cleanup } = await openDemoCopy());
    result = await lintDatabase(conn);
  });
  afterAll(() => cleanup());

  const at = (f: LintResult['findings'][number]) => `${f.ruleId} ${[f.target.schema, f.target.table, typeof f.target.column === 'string' ? f.target.column : undefined].filter(Boolean).join('.')}${f.target.object ? ` (${f.target.object})` : ''}`;

  it('finds every deliberate flaw, each with a fix', () => {
    const found = result.findings.map(at);
    expect(found).toEqual(expect.arrayContaining([
      'IX01 public.order_items.product_id (order_items_product_id_fkey)',
      'IX01 public.customers.referred_by (customers_referred_by_fkey)',
      'SD01 public.newsletter_signups',
      'IX02 public.orders (orders_customer_idx)',
      'CN01 public.reviews.customer_id (reviews_customer_id_fkey)',
      'SD02 public.coupons',
    ]));
    for (const f of result.findings.filter((x) => ['IX01', 'SD01', 'IX02'].includes(x.ruleId))) expect(f.fix?.sql).toBeTruthy();
  });
  it('reports nothing else at warning or above: the rest of the demo follows the checklist', () => {
    const serious = result.findings.filter((f) => f.severity !== 'info').map(at).sort();
    expect(serious).toEqual([
      'CN08 public.newsletter_signups.email',
      'IX01 public.customers.referred_by (customers_referred_by_fkey)',
      'IX01 public.order_items.product_id (order_items_product_id_fkey)',
      'IX02 public.orders (orders_customer_idx)',
      'IX03 public.orders (orders_customer_id_idx)',
      'IX03 public.orders (orders_customer_idx)',
      'SD01 public.newsletter_signups',
      'SD02 public.coupons',
      'SD02 public.newsletter_signups',
    ]);
  });
  it('honours the inline ignores the demo carries', () => {
    expect(result.findings.some((f) => f.ruleId === 'SD02' && f.target.table === 'events')).toBe(false);
  });
  it('says which rules PGlite cannot run, and why', () => {
    expect(result.notRun.map((n) => n.ruleId)).toEqual(expect.arrayContaining(['IX04', 'IX12', 'HL05', 'HL06']));
  });
  it('re-lints clean after the fix SQL is applied', async () => {
    const fixes = result.findings.filter((f) => f.ruleId === 'IX01').map((f) => f.fix!.sql!);
    // CREATE INDEX CONCURRENTLY cannot run inside a multi-statement batch's implicit transaction
    for (const sql of fixes) await conn.exec(sql);
    const after = await lintDatabase(conn, { only: ['IX01'] });
    expect(after.findings).toEqual([]);
  });
});
