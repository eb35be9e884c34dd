import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import { inspectCommand } from '../../src/cli/commands/inspect.js';
import { snapshotCommand } from '../../src/cli/commands/snapshot.js';
import type { Connection } from '../../src/core/db/connection.js';
import { isUserError } from '../../src/core/errors.js';
import { openDemoCopy } from '../helpers/demo.js';

describe('tablewright snapshot / inspect on the demo database', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    ({ conn, cleanup } = await openDemoCopy());
    dir = mkdtempSync(join(tmpdir(), 'tw-cli-'));
  });
  afterAll(async () => {
    await cleanup?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a command against the shared demo copy; the command's close() is kept from closing it. */
  async function run(cmd: typeof snapshotCommand, values: CommandContext['values'], positionals: string[] = []) {
    let out = '';
    let err = '';
    const ctx: CommandContext = {
      values, positionals, env: {}, out: (s) => { out += s; }, err: (s) => { err += s; },
      connect: async () => keepOpen(conn), target: () => { throw new Error('not used'); },
    };
    try {
      const code = await cmd.run(ctx);
      return { code, out, err };
    } catch (e) {
      if (isUserError(e)) return { code: e.exitCode, out, err: e.message };
      throw e;
    }
  }

  it('prints the complete demo snapshot with definitions and stats', async () => {
    const r = await run(snapshotCommand, {});
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.format).toBe('tablewright-snapshot/1');
    expect(Object.keys(s.schemas)).toEqual(['analytics', 'audit', 'public']);
    expect(s.schemas.public.tables.orders.foreignKeys.map((f: { name: string }) => f.name)).toEqual(['orders_coupon_code_fkey', 'orders_customer_id_fkey']);
    expect(s.schemas.public.views.customer_order_summary.definition).toMatch(/LEFT JOIN public\.orders o/);
    expect(s.schemas.audit.functions['record_change()']).toMatchObject({ securityDefiner: true, language: 'plpgsql' });
    expect(s.schemas.analytics.tables.events.partition.key).toBe('RANGE (occurred_at)');
    expect(s.stats.relations['public.orders'].rowEstimate).toBeGreaterThan(1000);
  });

  it('writes --output FILE, filters schemas and leaves out stats with --no-stats', async () => {
    const file = join(dir, 'snap.json');
    const r = await run(snapshotCommand, { output: file, schema: ['audit'], 'no-stats': true });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^wrote .*snap\.json: 1 schemas, 1 tables/);
    const s = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(s.schemas)).toEqual(['audit']);
    expect(s.stats).toBeUndefined();
  });

  it('refuses to overwrite a file that is not a snapshot', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'my notes');
    const r = await run(snapshotCommand, { output: file });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists and is not a Tablewright snapshot; use --force/);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('names close matches for an unknown schema', async () => {
    const r = await run(snapshotCommand, { schema: ['pubic'] });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^unknown schema "pubic" \(did you mean public\?\)/);
  });

  it('describes public.orders like psql \\d, with FKs both ways, triggers and size', async () => {
    const r = await run(inspectCommand, {}, ['public.orders']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Table "public.orders"');
    expect(r.out).toMatch(/^Size: \d+ MB \(table \d+ MB, indexes \d+ MB\), ~\d{2,3},\d{3} rows$/m);
    expect(r.out).toMatch(/^ status +\| public\.order_status +\| +\| not null \| 'pending'::public\.order_status/m);
    expect(r.out).toContain(`"orders_pkey" PRIMARY KEY, btree (id)`);
    expect(r.out).toContain(`"orders_pending_placed_idx" btree (placed_at) WHERE status = 'pending'::public.order_status`);
    expect(r.out).toContain(`"orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT`);
    expect(r.out).toContain(`TABLE "public.order_items" CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY (order_id) REFERENCES public.orders(id) ON DELETE CASCADE`);
    expect(r.out).toContain('orders_audit AFTER INSERT OR UPDATE OR DELETE ON public.orders FOR EACH ROW EXECUTE FUNCTION audit.record_change()');
  });

  it('shows policies of a table with row security', async () => {
    const r = await run(inspectCommand, {}, ['support_tickets']);
    expect(r.out).toMatch(/^Policies:\n {4}POLICY "support_tickets_owner" USING \(customer_id = /m);
  });

  it('lists every relation with sizes and row estimates when no table is given', async () => {
    const r = await run(inspectCommand, {});
    expect(r.out.split('\n')[0]).toBe('List of relations');
    expect(r.out).toMatch(/^ public +\| orders +\| table +\| \d{2,3},\d{3} +\| ~\d+ MB/m);
    expect(r.out).toMatch(/^ analytics +\| events_2025_q1 +\| table \(partition of analytics\.events\)/m);
  });

  it('names close matches for an unknown table', async () => {
    const r = await run(inspectCommand, {}, ['public.ordrs']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^unknown relation "public.ordrs" \(did you mean public\.orders/);
  });
});

/** The shared connection, with close() turned into a no-op so each command can "close" it. */
function keepOpen(c: Connection): Connection {
  return {
    target: c.target, kysely: c.kysely, readOnly: c.readOnly, canCancel: c.canCancel, server: c.server,
    query: (...a) => c.query(...a), exec: (...a) => c.exec(...a), withSession: (fn) => c.withSession(fn),
    cancel: () => c.cancel(), setWriteMode: (on) => c.setWriteMode(on), close: async () => {},
  } as Connection;
}
