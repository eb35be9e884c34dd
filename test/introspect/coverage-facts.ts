/**
 * Facts about the coverage fixture (test/fixtures/coverage-ddl.ts) that must hold on every
 * version; each is asserted on its own so a failure names the fact.
 */
import { expect } from 'vitest';
import type { SchemaSnapshot, Table } from '../../src/core/introspect/index.js';

export function table(s: SchemaSnapshot, schema: string, name: string): Table {
  const t = s.schemas[schema]?.tables[name];
  if (!t) throw new Error(`table ${schema}.${name} missing from snapshot`);
  return t;
}

const col = (t: Table, name: string) => {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`column ${t.name}.${name} missing`);
  return c;
};

export function assertCoverageFacts(s: SchemaSnapshot): void {
  expect(s.format).toBe('tablewright-snapshot/1');
  expect(Object.keys(s.schemas)).toEqual(expect.arrayContaining(['Mixed Case', 'cov']));
  expect(s.schemas['Mixed Case']!.comment).toBe('a schema whose name needs quotes');
  expect(s.schemas.cov!.acl.find((a) => a.grantee === 'tw_fixture_reader')?.privileges).toEqual(['USAGE']);

  // types
  const mood = s.schemas.cov!.types.mood!;
  expect(mood).toMatchObject({ kind: 'enum', labels: ['sad', 'meh', 'ok', 'happy'], comment: 'feelings, in order' });
  expect(s.schemas.cov!.types.positive).toMatchObject({
    kind: 'domain', baseType: 'numeric(10,2)', notNull: true, default: '1',
    checks: [{ name: 'positive_check', expression: 'VALUE > 0::numeric', validated: true }],
  });
  const pair = s.schemas.cov!.types.pair!;
  expect(pair.kind).toBe('composite');
  if (pair.kind === 'composite') {
    expect(pair.columns.map((c) => [c.name, c.type, c.collation])).toEqual([['x', 'integer', undefined], ['label', 'text', 'pg_catalog.C']]);
  }
  expect(s.schemas.cov!.types.floatrange).toMatchObject({ kind: 'range', subtype: 'double precision', subtypeDiff: 'float8mi' });

  // sequences
  expect(s.schemas.cov!.sequences.counter).toMatchObject({
    type: 'integer', start: '100', increment: '5', min: '10', max: '100000', cache: '3', cycle: true,
  });
  expect(s.schemas.cov!.sequences.counter!.ownedBy).toBeUndefined();
  expect(s.schemas.cov!.sequences.parent_serial_no_seq!.ownedBy).toEqual({ table: 'cov.parent', column: 'serial_no', kind: 'serial' });
  expect(s.schemas.cov!.sequences.parent_id_seq!.ownedBy).toEqual({ table: 'cov.parent', column: 'id', kind: 'identity' });

  // tables and columns
  const parent = table(s, 'cov', 'parent');
  expect(parent).toMatchObject({ kind: 'table', persistence: 'permanent', comment: 'the parent table', options: { fillfactor: '80' }, owner: 'postgres' });
  expect(parent.columns.map((c) => c.name)).toEqual(['id', 'code', 'mood', 'amount', 'tags', 'grid', 'pair', 'doubled', 'serial_no']);
  expect(col(parent, 'id').identity).toEqual({
    kind: 'by_default', sequence: 'cov.parent_id_seq',
    options: { type: 'bigint', start: '7', increment: '3', min: '1', max: '9223372036854775807', cache: '1', cycle: false },
  });
  expect(col(parent, 'id').default).toBeUndefined();
  expect(col(parent, 'code')).toMatchObject({ type: 'text', collation: 'pg_catalog.C', notNull: true, comment: 'business code' });
  expect(col(parent, 'mood')).toMatchObject({ type: 'cov.mood', typeRef: 'cov.mood', default: "'ok'::cov.mood", notNull: true });
  expect(col(parent, 'amount')).toMatchObject({ type: 'cov.positive', notNull: false });
  expect(col(parent, 'tags')).toMatchObject({ type: 'text[]', typeRef: 'pg_catalog.text', arrayDims: 1, compression: 'pglz', default: "'{}'::text[]" });
  expect(col(parent, 'grid')).toMatchObject({ type: 'integer[]', arrayDims: 2 });
  expect(col(parent, 'doubled').generated).toEqual({ kind: 'stored', expr: expect.stringMatching(/^\(?id \* 2\)?$/) });
  expect(col(parent, 'doubled').default).toBeUndefined();
  expect(col(parent, 'serial_no').default).toBe("nextval('cov.parent_serial_no_seq'::regclass)");

  // keys and constraints
  expect(parent.primaryKey).toEqual({ name: 'parent_pkey', columns: ['id'], deferrable: false, initiallyDeferred: false });
  expect(parent.uniques).toEqual([{ name: 'parent_code_key', columns: ['code'], deferrable: true, initiallyDeferred: true, nullsNotDistinct: false }]);
  expect(parent.checks).toEqual([{
    name: 'parent_code_check', expression: 'length(code) > 1', validated: false, noInherit: false, enforced: true,
    comment: 'codes are longer than one character',
  }]);
  expect(table(s, 'cov', 'parent_pair').uniques[0]).toMatchObject({ columns: ['a', 'b'], nullsNotDistinct: true });
  const child = table(s, 'cov', 'child');
  expect(child.primaryKey?.columns).toEqual(['parent_id', 'line']);
  expect(child.foreignKeys).toEqual([
    {
      name: 'child_other_fk', columns: ['other_parent', 'tenant'], references: { table: 'cov.parent_pair', columns: ['a', 'b'] },
      onUpdate: 'NO ACTION', onDelete: 'SET NULL', onDeleteSetColumns: ['other_parent'], match: 'FULL',
      deferrable: true, initiallyDeferred: false, validated: true, enforced: true,
    },
    {
      name: 'child_parent_fk', columns: ['parent_id'], references: { table: 'cov.parent', columns: ['id'] },
      onUpdate: 'RESTRICT', onDelete: 'CASCADE', match: 'SIMPLE', deferrable: false, initiallyDeferred: false, validated: true, enforced: true,
    },
  ]);
  const booking = table(s, 'cov', 'booking');
  expect(booking.exclusions).toEqual([{
    name: 'booking_no_overlap', definition: 'EXCLUDE USING gist (during WITH &&)', index: 'booking_no_overlap', deferrable: false, initiallyDeferred: false,
  }]);
  expect(booking.indexes[0]).toMatchObject({ name: 'booking_no_overlap', exclusion: true, constraint: 'booking_no_overlap', method: 'gist' });

  // indexes
  const idx = (name: string) => parent.indexes.find((i) => i.name === name)!;
  expect(parent.indexes.map((i) => i.name)).toEqual(['parent_code_key', 'parent_lower_code_idx', 'parent_pkey', 'parent_tags_idx']);
  expect(idx('parent_pkey')).toMatchObject({ primary: true, unique: true, constraint: 'parent_pkey', method: 'btree', keys: [{ column: 'id', desc: false, nullsFirst: false }] });
  expect(idx('parent_code_key').constraint).toBe('parent_code_key');
  expect(idx('parent_lower_code_idx')).toMatchObject({
    method: 'btree', unique: false, include: ['amount'], predicate: "mood <> 'sad'::cov.mood", valid: true, ready: true,
    keys: [
      { expression: 'lower(code)', opclass: 'text_pattern_ops', desc: true, nullsFirst: false },
      { column: 'mood', desc: false, nullsFirst: false },
    ],
  });
  expect(idx('parent_lower_code_idx').constraint).toBeUndefined();
  expect(idx('parent_tags_idx')).toMatchObject({ method: 'gin', options: { fastupdate: 'off' }, comment: 'tag search' });
  expect(child.indexes.find((i) => i.name === 'child_note_idx')!.keys).toEqual([{ column: 'note', collation: 'pg_catalog.C', desc: false, nullsFirst: true }]);

  // partitioning, inheritance, persistence, typed and foreign tables
  expect(table(s, 'cov', 'events')).toMatchObject({ kind: 'partitioned', partition: { key: 'RANGE (at)' } });
  expect(table(s, 'cov', 'events_2025').partition).toEqual({
    parent: 'cov.events', bound: "FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')",
  });
  expect(table(s, 'cov', 'events_rest').partition).toEqual({ parent: 'cov.events', bound: 'DEFAULT' });
  expect(table(s, 'cov', 'events_2025').indexes.find((i) => i.name === 'events_2025_kind_idx')?.parent).toBe('cov.events_kind_idx');
  expect(table(s, 'cov', 'events_2025').columns.every((c) => c.inherited)).toBe(true);
  const derived = table(s, 'cov', 'derived');
  expect(derived.inherits).toEqual(['cov.base']);
  expect(derived.columns.map((c) => [c.name, !!c.inherited])).toEqual([['id', true], ['created', true], ['extra', false]]);
  expect(table(s, 'cov', 'scratch').persistence).toBe('unlogged');
  expect(table(s, 'cov', 'typed').ofType).toBe('cov.pair');
  expect(table(s, 'cov', 'remote')).toMatchObject({ kind: 'foreign', foreign: { server: 'tw_dummy_server', options: { table_name: 'remote_t' } } });

  // RLS and policies
  expect(child.rls).toEqual({ enabled: true, forced: true });
  expect(child.policies).toEqual([
    { name: 'child_all', command: 'ALL', permissive: true, roles: ['PUBLIC'], using: 'true', comment: 'everyone sees every row' },
    { name: 'child_tenant', command: 'UPDATE', permissive: false, roles: ['tw_fixture_reader'], using: 'tenant = 1', withCheck: 'tenant = 1' },
  ]);

  // triggers
  expect(parent.triggers).toEqual([expect.objectContaining({
    name: 'parent_touch', timing: 'BEFORE', events: ['INSERT', 'UPDATE'], level: 'ROW', function: 'cov.touch',
    enabled: 'origin', constraint: false, columns: ['code', 'mood'], comment: 'keeps rows fresh',
  })]);
  expect(child.triggers).toEqual([expect.objectContaining({
    name: 'child_stmt', timing: 'AFTER', events: ['DELETE', 'TRUNCATE'], level: 'STATEMENT', enabled: 'disabled',
  })]);

  // functions
  const fns = s.schemas.cov!.functions;
  expect(Object.keys(fns).sort()).toEqual(['add(a integer, b integer)', 'do_nothing(IN n integer)', 'secret()', 'total(integer)', 'touch()']);
  expect(fns['add(a integer, b integer)']).toMatchObject({
    kind: 'function', args: 'a integer, b integer DEFAULT 1', returns: 'integer', language: 'sql', volatility: 'immutable',
    strict: true, parallel: 'safe', securityDefiner: false, returnsSet: false,
  });
  expect(fns['add(a integer, b integer)']!.acl.find((a) => a.grantee === 'tw_fixture_reader')?.privileges).toEqual(['EXECUTE']);
  expect(fns['secret()']).toMatchObject({
    returnsSet: true, returns: 'SETOF text', volatility: 'stable', securityDefiner: true, config: { search_path: 'pg_catalog, cov' },
    comment: 'runs as its owner',
  });
  expect(fns['do_nothing(IN n integer)']).toMatchObject({ kind: 'procedure', language: 'plpgsql' });
  expect(fns['do_nothing(IN n integer)']!.returns).toBeUndefined();
  expect(fns['total(integer)']!.kind).toBe('aggregate');

  // views and materialized views
  const v = s.schemas.cov!.views.parent_codes!;
  expect(v).toMatchObject({ comment: 'happy codes', options: { security_barrier: 'true' }, dependsOn: ['cov.parent'] });
  expect(v.columns.map((c) => c.name)).toEqual(['id', 'code']);
  const mv = s.schemas.cov!.materializedViews.child_counts!;
  expect(mv).toMatchObject({ populated: false, dependsOn: ['cov.child', 'cov.parent'] });
  expect(mv.indexes.map((i) => [i.name, i.unique])).toEqual([['child_counts_parent_idx', true]]);

  // grants
  expect(parent.acl.find((a) => a.grantee === 'tw_fixture_reader')).toEqual({
    grantee: 'tw_fixture_reader', grantor: 'postgres', privileges: ['INSERT', 'SELECT'], grantable: ['INSERT', 'SELECT'],
  });
  expect(col(child, 'note').acl).toEqual([{ grantee: 'tw_fixture_reader', grantor: 'postgres', privileges: ['UPDATE'], grantable: [] }]);

  // quoted, mixed-case, unicode, reserved-word identifiers
  const order = table(s, 'Mixed Case', 'Order');
  expect(order.columns.map((c) => c.name)).toEqual(['Id', 'select', 'Ünïcødé', 'we"ird', 'from']);
  expect(order.primaryKey).toMatchObject({ name: 'Order_pkey', columns: ['Id'] });
  expect(order.checks[0]!.expression).toBe('"we""ird" > 0');
  expect(order.foreignKeys[0]).toMatchObject({ columns: ['from'], references: { table: 'cov.parent', columns: ['id'] } });
  expect(order.indexes.find((i) => i.name === 'Order_select_idx')!.keys.map((k) => k.column)).toEqual(['select', 'Ünïcødé']);
  expect(table(s, 'Mixed Case', 'tâble ünïcode').primaryKey?.columns).toEqual(['clé']);

  // extensions: plpgsql is always there, and owns its handler functions
  const plpgsql = s.extensions.find((e) => e.name === 'plpgsql');
  expect(plpgsql?.members).toContain('plpgsql');
  expect(s.unavailable).toEqual([]);
}
