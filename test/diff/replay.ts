import { expect } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { diffSnapshots, parseRenameSpec, planMigration, renderSqlMigration, splitStatements, type MigrationPlan } from '../../src/core/diff/index.js';
import { normalizeSnapshot, readSnapshot, type Acl, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { grantsOf } from '../../src/core/diff/compare.js';
import type { DiffCase } from './corpus.js';

/** Back to an empty database: every user schema goes, `public` comes back. */
export async function resetDatabase(conn: Connection): Promise<void> {
  const rows = await conn.query<{ n: string }>(`SELECT nspname AS n FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%'`);
  const drops = rows.rows.map((r) => `DROP SCHEMA "${r.n.replace(/"/g, '""')}" CASCADE;`).join('\n');
  // as initdb makes it (PG15+): owned by pg_database_owner, usable by everyone
  await conn.exec(`${drops}\nCREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;`);
}

/** `tw_alembic` holds Alembic's version table in the Alembic replay: not part of the schema under test. */
export const snap = (conn: Connection) => readSnapshot(conn, { stats: false, definitions: 'eager', excludeSchemas: ['tw_alembic'] });

/**
 * What must be equal after a replay: the schema, not the server it was read from. The owner's own
 * grant entry is dropped (explicit or implicit, it is the same privilege). With `anyColumnOrder`,
 * columns are compared by name: a downgrade that re-adds a dropped column can only append it.
 */
export function comparable(s: SchemaSnapshot, o: { anyColumnOrder?: boolean } = {}) {
  const n = normalizeSnapshot(s) as unknown as Record<string, unknown>;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    const obj = v as Record<string, unknown>;
    if (Array.isArray(obj.acl) && typeof obj.owner === 'string') obj.acl = grantsOf(obj.acl as Acl[], obj.owner);
    if (o.anyColumnOrder && Array.isArray(obj.columns) && 'foreignKeys' in obj) obj.columns = [...(obj.columns as { name: string }[])].sort((x, y) => x.name.localeCompare(y.name));
    Object.values(obj).forEach(walk);
  };
  walk(n);
  return n;
}

/** Runs a migration script statement by statement on one session, as psql would. */
export async function applyScript(conn: Connection, sql: string): Promise<void> {
  await conn.withSession(async (s) => {
    for (const stmt of splitStatements(sql)) {
      try {
        await s.exec(stmt);
      } catch (err) {
        throw new Error(`${(err as Error).message}\n  in: ${stmt}\n--- script ---\n${sql}`);
      }
    }
  });
}

export interface Replayed { a: SchemaSnapshot; b: SchemaSnapshot; plan: MigrationPlan; sql: { upgrade: string; downgrade: string } }

/** Snapshots of A and B, and the plan between them. */
export async function prepare(conn: Connection, c: DiffCase, pgVersion: number): Promise<Replayed> {
  await resetDatabase(conn);
  await conn.exec(c.b);
  const b = await snap(conn);
  await resetDatabase(conn);
  await conn.exec(c.a);
  const a = await snap(conn);
  const renames = (c.renames ?? []).map((r) => parseRenameSpec(r, a));
  const diff = diffSnapshots(a, b, { renames });
  expect(diff.changes.length, 'A and B differ').toBeGreaterThan(0);
  const plan = planMigration(diff.changes, { pgVersion, fromSnapshot: a });
  return { a, b, plan, sql: renderSqlMigration(plan) };
}

/** The proof: A + upgrade = B, then + downgrade = A, and nothing left to diff either way. */
export async function replay(conn: Connection, c: DiffCase, pgVersion: number): Promise<Replayed> {
  const r = await prepare(conn, c, pgVersion);
  await applyScript(conn, r.sql.upgrade);
  const afterUp = await snap(conn);
  expect(comparable(afterUp), `upgrade of "${c.name}":\n${r.sql.upgrade}`).toEqual(comparable(r.b));
  expect(diffSnapshots(afterUp, r.b).changes).toEqual([]);
  await applyScript(conn, r.sql.downgrade);
  const afterDown = await snap(conn);
  expect(comparable(afterDown, { anyColumnOrder: true }), `downgrade of "${c.name}":\n${r.sql.downgrade}`).toEqual(comparable(r.a, { anyColumnOrder: true }));
  expect(diffSnapshots(afterDown, r.a).changes).toEqual([]);
  return r;
}
