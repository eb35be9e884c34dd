import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection, Session } from '../../src/core/db/connection.js';
import { isUserError } from '../../src/core/errors.js';
import {
  assertSchemasExist, findTable, getDefinition, loadSnapshotCached, normalizeSnapshot, readFingerprint, readRelationList,
  readSnapshot, serializeSnapshot, type SchemaSnapshot,
} from '../../src/core/introspect/index.js';
import { COVERAGE_ALL } from '../fixtures/coverage-ddl.js';
import { retryMissing } from '../../src/core/introspect/definitions.js';
import { renderSequence } from '../../src/core/codegen/ddl/index.js';
import { openEmptyEmbedded } from '../helpers/demo.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { assertCoverageFacts } from './coverage-facts.js';

const userError = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (isUserError(err)) return err.message;
    throw err;
  }
  throw new Error('expected a UserError');
};

describeServer('introspection on the PostgreSQL server', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  let snap: SchemaSnapshot;
  let cacheBase: string;

  beforeAll(async () => {
    db = await scratchDatabase('tw_introspect');
    conn = await db.open({ write: true });
    await conn.exec(COVERAGE_ALL);
    snap = await readSnapshot(conn);
    cacheBase = mkdtempSync(join(tmpdir(), 'tw-snapcache-'));
  });
  afterAll(async () => {
    await db?.drop();
    if (cacheBase) rmSync(cacheBase, { recursive: true, force: true });
  });

  it('reads the server as plain PostgreSQL', () => {
    expect(snap.server.flavor).toBe('postgres');
    expect(snap.server.versionNum).toBeGreaterThanOrEqual(130000);
  });

  it('captures every object kind of the coverage fixture', () => assertCoverageFacts(snap));

  it('renders table DDL that rebuilds the same tables in another database', async () => {
    const target = await scratchDatabase('tw_ddl_roundtrip');
    try {
      const to = await target.open({ write: true });
      const cov = snap.schemas.cov!;
      const parts: string[] = ['CREATE SCHEMA "Mixed Case"', 'CREATE SCHEMA cov'];
      for (const name of ['mood', 'positive', 'pair', 'floatrange']) parts.push(await getDefinition(conn, snap, { kind: 'type', schema: 'cov', name }));
      for (const key of ['touch()', 'add(a integer, b integer)', 'secret()', 'do_nothing(IN n integer)']) {
        parts.push(await getDefinition(conn, snap, { kind: 'function', schema: 'cov', name: key }));
      }
      parts.push(renderSequence('cov', cov.sequences.counter!), renderSequence('cov', cov.sequences.parent_serial_no_seq!, { ownedBy: false }));
      parts.push('CREATE FOREIGN DATA WRAPPER tw_dummy_fdw', 'CREATE SERVER tw_dummy_server FOREIGN DATA WRAPPER tw_dummy_fdw');
      const tables: [string, string][] = [
        ['cov', 'parent'], ['cov', 'parent_pair'], ['cov', 'child'], ['cov', 'events'], ['cov', 'events_2025'], ['cov', 'events_rest'],
        ['cov', 'base'], ['cov', 'derived'], ['cov', 'scratch'], ['cov', 'typed'], ['cov', 'booking'], ['cov', 'remote'],
        ['Mixed Case', 'Order'], ['Mixed Case', 'tâble ünïcode'],
      ];
      for (const [schema, name] of tables) parts.push(await getDefinition(conn, snap, { kind: 'table', schema, name }));
      parts.push(`ALTER SEQUENCE cov.parent_serial_no_seq OWNED BY cov.parent.serial_no`);
      await to.exec(parts.map((p) => p.trim().replace(/;$/, '')).join(';\n'));
      const rebuilt = normalizeSnapshot(await readSnapshot(to, { stats: false }));
      const original = normalizeSnapshot(await readSnapshot(conn, { stats: false }));
      for (const [schema, name] of tables) {
        expect(rebuilt.schemas[schema]!.tables[name], `${schema}.${name}`).toEqual(original.schemas[schema]!.tables[name]);
      }
      expect(rebuilt.schemas.cov!.types).toEqual(original.schemas.cov!.types);
      expect(rebuilt.schemas.cov!.sequences).toEqual(original.schemas.cov!.sequences);
    } finally {
      await target.drop();
    }
  });

  it('gives the same normalised snapshot as PGlite (PG 18) for the same DDL', async () => {
    const e = await openEmptyEmbedded();
    try {
      await e.conn.exec(COVERAGE_ALL);
      const lite = normalizeSnapshot(await readSnapshot(e.conn, { stats: false }));
      const server = normalizeSnapshot(await readSnapshot(conn, { stats: false }));
      expect(lite.unavailable).toEqual([]);
      expect(server.unavailable).toEqual([]);
      for (const name of Object.keys(server.schemas.cov!.tables)) {
        expect(lite.schemas.cov!.tables[name], `cov.${name}`).toEqual(server.schemas.cov!.tables[name]);
      }
      expect(lite).toEqual(server);
    } finally {
      await e.cleanup();
    }
  });

  it('gives byte-identical JSON for two reads, eager definitions included', async () => {
    const a = serializeSnapshot(await readSnapshot(conn, { stats: false, definitions: 'eager' }));
    const b = serializeSnapshot(await readSnapshot(conn, { stats: false, definitions: 'eager' }));
    expect(a).toBe(b);
    expect(JSON.parse(a).schemas.cov.views.parent_codes.definition).toMatch(/FROM cov\.parent p/);
  });

  it('reads the same snapshot on two backends sharing one exported snapshot as on one', async () => {
    const one = serializeSnapshot(await readSnapshot(conn, { definitions: 'eager' }));
    // counts sessions open at once through the connection the read is given
    let open = 0;
    let peak = 0;
    const counted = {
      target: conn.target, server: conn.server, readOnly: conn.readOnly,
      query: conn.query.bind(conn), exec: conn.exec.bind(conn),
      withSession: <T,>(fn: (x: Session) => Promise<T>) => conn.withSession(async (x) => {
        peak = Math.max(peak, ++open);
        try { return await fn(x); } finally { open--; }
      }),
    } as unknown as Connection;
    const two = serializeSnapshot(await readSnapshot(counted, { definitions: 'eager', parallelFrom: 0 }));
    expect(peak).toBe(2);
    const strip = (j: string) => j.replace(/"capturedAt": "[^"]+"/g, '').replace(/"(scans|tuplesInserted|tuplesUpdated|tuplesDeleted|liveTuples|deadTuples|lastAnalyze|lastAutoanalyze|lastVacuum|lastAutovacuum|idxScans|seqScans)": [^,\n]+/g, '');
    expect(strip(two)).toBe(strip(one));
  });

  it('changes the fingerprint on ADD COLUMN and COMMENT but not on ANALYZE', async () => {
    const before = await readFingerprint(conn);
    await conn.exec('ANALYZE');
    expect(await readFingerprint(conn)).toEqual(before);
    await conn.exec('CREATE TABLE cov.fp_probe (a integer)');
    const created = await readFingerprint(conn);
    expect(created.cov).not.toBe(before.cov);
    await conn.exec('ALTER TABLE cov.fp_probe ADD COLUMN b integer');
    const added = await readFingerprint(conn);
    expect(added.cov).not.toBe(created.cov);
    expect(added['Mixed Case']).toBe(created['Mixed Case']);
    await conn.exec(`COMMENT ON COLUMN cov.fp_probe.b IS 'note'`);
    expect((await readFingerprint(conn))['*global']).not.toBe(added['*global']);
  });

  it('reopens an unchanged database from the cache and re-reads only a changed schema', async () => {
    const first = await loadSnapshotCached(conn, { stats: false, cacheDir: cacheBase });
    expect(first.cachedSchemas).toEqual([]);
    const again = await loadSnapshotCached(conn, { stats: false, cacheDir: cacheBase });
    expect(again.readSchemas).toEqual([]);
    expect(again.cachedSchemas.sort()).toEqual(['Mixed Case', 'cov', 'public']);
    expect(serializeSnapshot(again.snapshot)).toBe(serializeSnapshot(first.snapshot));
    expect(serializeSnapshot(again.snapshot)).toBe(serializeSnapshot(await readSnapshot(conn, { stats: false })));
    await conn.exec('CREATE FUNCTION "Mixed Case".f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$');
    const changed = await loadSnapshotCached(conn, { stats: false, cacheDir: cacheBase });
    expect(changed.readSchemas).toEqual(['Mixed Case']);
    expect(Object.keys(changed.snapshot.schemas['Mixed Case']!.functions)).toEqual(['f()']);
    expect(serializeSnapshot(changed.snapshot)).toBe(serializeSnapshot(await readSnapshot(conn, { stats: false })));
  });

  it('filters schemas by name and glob, and names close matches for an unknown one', async () => {
    const only = await readSnapshot(conn, { schemas: ['Mixed*'], stats: false });
    expect(Object.keys(only.schemas)).toEqual(['Mixed Case']);
    // an FK to a table outside the selection still names the referenced columns
    expect(only.schemas['Mixed Case']!.tables.Order!.foreignKeys[0]!.references).toEqual({ table: 'cov.parent', columns: ['id'] });
    const without = await readSnapshot(conn, { excludeSchemas: ['cov'], stats: false });
    expect(Object.keys(without.schemas)).toEqual(['Mixed Case', 'public']);
    expect(await userError(assertSchemasExist(conn, { schemas: ['covv'] }))).toMatch(/^unknown schema "covv" \(did you mean cov\?\)/);
  });

  it('finds tables by bare or qualified name and lists close matches otherwise', () => {
    expect(findTable(snap, 'cov.parent').table.name).toBe('parent');
    expect(findTable(snap, '"Mixed Case"."Order"').schema).toBe('Mixed Case');
    expect(findTable(snap, 'booking').schema).toBe('cov');
    expect(() => findTable(snap, 'cov.parnet')).toThrow(/unknown relation "cov.parnet" \(did you mean cov.parent/);
    expect(() => findTable(snap, 'nope.parent')).toThrow(/unknown schema "nope"/);
    expect(() => findTable(snap, 'cov.parent_codes')).toThrow(/is a view, not a table/);
  });

  it('lists relations with kinds, row estimates and sizes for the first screen', async () => {
    const list = await readRelationList(conn, { schemas: ['cov'] });
    const byName = new Map(list.map((r) => [r.name, r]));
    expect(byName.get('parent')).toMatchObject({ schema: 'cov', kind: 'table' });
    expect(byName.get('events')!.kind).toBe('partitioned');
    expect(byName.get('events_2025')!.partitionOf).toBe('cov.events');
    expect(byName.get('parent_codes')!.kind).toBe('view');
    expect(byName.get('child_counts')!.kind).toBe('materialized view');
    expect(byName.get('counter')!.kind).toBe('sequence');
    expect(byName.get('parent')!.totalBytes).toBeGreaterThan(0);
    expect(list.map((r) => r.name)).toEqual([...list.map((r) => r.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('reports a definition that vanished as a clear error', async () => {
    const s = await readSnapshot(conn, { stats: false });
    await conn.exec('CREATE VIEW cov.short_lived AS SELECT 1 AS one');
    const withView = await readSnapshot(conn, { stats: false, schemas: ['cov'] });
    await conn.exec('DROP VIEW cov.short_lived');
    expect(await userError(getDefinition(conn, withView, { kind: 'view', schema: 'cov', name: 'short_lived' })))
      .toMatch(/changed or was dropped while it was being read/);
    expect(await userError(getDefinition(conn, s, { kind: 'view', schema: 'cov', name: 'short_lived' })))
      .toMatch(/unknown view "cov.short_lived"/);
  });

  it('retries a deparse that came back NULL once, then lists the object as stale', async () => {
    const s = await readSnapshot(conn, { stats: false });
    let value: string | undefined;
    // OID 1 names no view: pg_get_viewdef returns NULL for it, as for a view dropped mid-read
    await retryMissing(conn, s, [{ kind: 'view', oid: 1, name: 'view cov.gone', set: (v) => { value = v; } }]);
    expect(s.stale).toEqual(['view cov.gone']);
    expect(value).toBeUndefined();
    const real = await conn.query<{ oid: number }>(`SELECT 'cov.parent_codes'::regclass::oid AS oid`);
    await retryMissing(conn, s, [{ kind: 'view', oid: real.rows[0]!.oid, name: 'view cov.parent_codes', set: (v) => { value = v; } }]);
    expect(value).toMatch(/FROM cov\.parent p/);
    expect(s.stale).toEqual(['view cov.gone']);
  });

  it('marks a catalog it may not read as unavailable instead of failing', async () => {
    const role = `tw_limited_${randomBytes(3).toString('hex')}`;
    await conn.exec(`CREATE ROLE ${role} LOGIN; REVOKE SELECT ON pg_catalog.pg_policy FROM PUBLIC`);
    const { openServer } = await import('../../src/core/db/server-connection.js');
    const { serverTarget } = await import('../helpers/server.js');
    const limited = await openServer({ ...(serverTarget(db.name) as never as object), user: role } as never);
    try {
      const s = await readSnapshot(limited, { stats: false });
      // the fingerprint reads pg_policy too, so a cached reopen falls back to a full read for this user
      expect(s.unavailable.map((u) => u.catalog)).toEqual(['policies', 'fingerprint']);
      expect((await loadSnapshotCached(limited, { stats: false, cacheDir: cacheBase })).readSchemas).toContain('cov');
      expect(s.unavailable[0]!.reason).toMatch(/permission denied/);
      expect(s.server.capabilities.policies).toBe(false);
      expect(s.schemas.cov!.tables.child!.policies).toEqual([]);
      expect(s.schemas.cov!.tables.child!.rls.enabled).toBe(true);
      expect(s.schemas.cov!.tables.parent!.columns.length).toBe(9);
    } finally {
      await limited.close();
      await conn.exec(`GRANT SELECT ON pg_catalog.pg_policy TO PUBLIC; DROP ROLE ${role}`);
    }
  });

  it('hides Supabase platform schemas but keeps the policies on their tables', async () => {
    await conn.exec(`CREATE SCHEMA auth; CREATE SCHEMA storage;
      CREATE TABLE auth.users (id uuid PRIMARY KEY); CREATE TABLE storage.objects (id uuid PRIMARY KEY, owner uuid);
      ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_objects ON storage.objects FOR SELECT USING (owner IS NOT NULL)`);
    const supabase = asFlavor(conn, 'supabase');
    const s = await readSnapshot(supabase, { stats: false });
    expect(Object.keys(s.schemas)).not.toContain('auth');
    expect(s.hiddenSchemas).toEqual(['auth', 'storage']);
    expect(s.platformPolicies['storage.objects']).toEqual({
      rls: { enabled: true, forced: false },
      policies: [{ name: 'own_objects', command: 'SELECT', permissive: true, roles: ['PUBLIC'], using: 'owner IS NOT NULL' }],
    });
    const all = await readSnapshot(supabase, { stats: false, includePlatform: true });
    expect(Object.keys(all.schemas)).toEqual(expect.arrayContaining(['auth', 'storage']));
    const plain = await readSnapshot(conn, { stats: false });
    expect(Object.keys(plain.schemas)).toContain('auth');
    await conn.exec('DROP SCHEMA auth CASCADE; DROP SCHEMA storage CASCADE');
  });
});

/** The same connection, reporting another flavour (the platform filter keys on it). */
function asFlavor(c: Connection, flavor: Connection['server']['flavor']): Connection {
  return {
    target: c.target, kysely: c.kysely, readOnly: c.readOnly, canCancel: c.canCancel,
    server: { ...c.server, flavor },
    query: (...a) => c.query(...a), exec: (...a) => c.exec(...a), withSession: (fn) => c.withSession(fn),
    cancel: () => c.cancel(), setWriteMode: (on) => c.setWriteMode(on), close: async () => {},
  } as Connection;
}
