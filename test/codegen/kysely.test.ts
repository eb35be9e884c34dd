import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { renderKysely } from '../../src/core/codegen/kysely/index.js';
import { readSnapshot } from '../../src/core/introspect/index.js';
import { openDemoCopy } from '../helpers/demo.js';

const USAGE = `
import { Kysely } from 'kysely';
import type { DB } from './db.js';

export async function demo(db: Kysely<DB>) {
  const rows = await db.selectFrom('orders').select(['id', 'status', 'total', 'placed_at']).where('status', '=', 'paid').execute();
  const id: string = rows[0]!.id;
  const placed: Date = rows[0]!.placed_at;
  await db.insertInto('countries').values({ code: 'PT', name: 'Portugal' }).execute();
  await db.selectFrom('analytics.events').select('kind').execute();
  // @ts-expect-error: no such column
  await db.selectFrom('orders').select('nope').execute();
  // @ts-expect-error: identity ALWAYS columns cannot be inserted
  await db.insertInto('orders').values({ id: 1, customer_id: 'x' }).execute();
  // @ts-expect-error: not a label of the enum
  await db.selectFrom('orders').selectAll().where('status', '=', 'lost').execute();
  return { id, placed };
}
`;

describe('reflect --kysely', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let source: string;
  beforeAll(async () => {
    ({ conn, cleanup } = await openDemoCopy());
    source = renderKysely(await readSnapshot(conn, { stats: false }));
  });
  afterAll(() => cleanup());

  it('type-checks real queries and rejects wrong ones', () => {
    // inside node_modules/ so that `kysely` resolves like it would in a user's project
    const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.tw-kysely-'));
    writeFileSync(join(dir, 'db.ts'), source);
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    const program = ts.createProgram([join(dir, 'usage.ts')], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    rmSync(dir, { recursive: true, force: true });
    expect(diags).toEqual([]);
  });
  it('runs against the database with the same names', async () => {
    const rows = await conn.kysely.selectFrom('orders').select(['id', 'status', 'placed_at']).where('status', '=', 'paid').limit(1).execute();
    expect(typeof rows[0]!.id).toBe('string');
    expect(rows[0]!.placed_at).toBeInstanceOf(Date);
    expect(source).toContain("export type OrderStatus = \"pending\" | \"paid\" | \"shipped\" | \"delivered\" | \"cancelled\" | \"refunded\";");
    expect(source).toContain('  "analytics.events": AnalyticsEvents;');
  });
});
