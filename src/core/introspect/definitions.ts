/**
 * Lazy definitions (phase B): the server's deparse functions, run for one object at a time when a
 * view needs it. A NULL result means the object changed underneath us: retry once, then report it.
 */
import type { Connection } from '../db/connection.js';
import { UserError } from '../errors.js';
import { renderSequence, renderTable, renderType } from '../codegen/ddl/index.js';
import type { MissingDefinition } from './build.js';
import { findObject } from './lookup.js';
import { qualified } from './sql-text.js';
import type { ObjectRef, SchemaSnapshot } from './types.js';

const BY_OID: Record<MissingDefinition['kind'], string> = {
  view: 'SELECT pg_catalog.pg_get_viewdef($1::oid, true)',
  index: 'SELECT pg_catalog.pg_get_indexdef($1::oid, 0, true)',
  trigger: 'SELECT pg_catalog.pg_get_triggerdef($1::oid, true)',
  function: 'SELECT pg_catalog.pg_get_functiondef($1::oid)',
};

/** Runs one deparse query with the same search_path as the batch, so names come out schema-qualified. */
async function deparse(conn: Connection, sql: string, params: unknown[]): Promise<string | null> {
  return conn.withSession(async (s) => {
    await s.query('BEGIN READ ONLY');
    try {
      await s.query('SET LOCAL search_path = pg_catalog');
      const r = await s.query<{ v: string | null }>(sql.replace(/^SELECT (.*?)( FROM|$)/s, 'SELECT $1 AS v$2'), params);
      return r.rows[0]?.v ?? null;
    } finally {
      await s.query('COMMIT').catch(() => {});
    }
  });
}

async function deparseWithRetry(conn: Connection, sql: string, params: unknown[]): Promise<string | null> {
  return (await deparse(conn, sql, params)) ?? (await deparse(conn, sql, params));
}

/** Retries the deparse results of a read that came back NULL; still NULL → listed in `stale`. */
export async function retryMissing(conn: Connection, snapshot: SchemaSnapshot, missing: MissingDefinition[]): Promise<void> {
  for (const m of missing) {
    const v = await deparse(conn, BY_OID[m.kind], [m.oid]);
    if (v === null) snapshot.stale.push(m.name);
    else m.set(v);
  }
  snapshot.stale.sort();
}

const VIEW_SQL = `SELECT pg_catalog.pg_get_viewdef(c.oid, true) FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`;
const INDEX_SQL = `SELECT pg_catalog.pg_get_indexdef(c.oid, 0, true) FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('i', 'I')`;
const FUNCTION_SQL = `SELECT pg_catalog.pg_get_functiondef(p.oid) FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = $1 AND p.proname = $2 AND pg_catalog.pg_get_function_identity_arguments(p.oid) = $3`;
const TRIGGER_SQL = `SELECT pg_catalog.pg_get_triggerdef(t.oid, true) FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND t.tgname = $3`;

function changed(what: string): never {
  throw new UserError(`${what} changed or was dropped while it was being read; refresh the snapshot and try again`);
}

/**
 * The DDL of one object. Tables, sequences and types are rendered from the snapshot in TypeScript
 * (src/core/codegen/ddl); views, indexes, triggers and functions are deparsed by the server on
 * demand and remembered in the snapshot's lazy `definition` field.
 */
export async function getDefinition(conn: Connection, snapshot: SchemaSnapshot, ref: ObjectRef): Promise<string> {
  const found = findObject(snapshot, ref);
  const label = `${ref.kind} ${ref.schema}.${ref.name}`;
  switch (found.kind) {
    case 'table': {
      await loadTriggerDefinitions(conn, ref.schema, found.object);
      return renderTable(ref.schema, found.object);
    }
    case 'sequence':
      return renderSequence(ref.schema, found.object);
    case 'type':
      return renderType(ref.schema, found.object);
    case 'view':
    case 'materializedView': {
      const v = found.object;
      v.definition ??= (await deparseWithRetry(conn, VIEW_SQL, [ref.schema, ref.name])) ?? changed(label);
      const kw = found.kind === 'view' ? 'VIEW' : 'MATERIALIZED VIEW';
      const opts = Object.entries(v.options);
      const withOpts = opts.length && found.kind === 'view' ? ` WITH (${opts.map(([k, x]) => `${k}=${x}`).join(', ')})` : '';
      return `CREATE ${kw} ${qualified(ref.schema, ref.name)}${withOpts} AS\n${v.definition.trimEnd()}\n`;
    }
    case 'index': {
      const i = found.object;
      i.definition ??= (await deparseWithRetry(conn, INDEX_SQL, [ref.schema, ref.name])) ?? changed(label);
      return `${i.definition};\n`;
    }
    case 'function': {
      const f = found.object;
      if (f.kind === 'aggregate') throw new UserError(`${label} is an aggregate; its definition cannot be shown as CREATE FUNCTION`);
      f.definition ??= (await deparseWithRetry(conn, FUNCTION_SQL, [ref.schema, f.name, f.identityArgs])) ?? changed(label);
      return `${f.definition.trimEnd()}\n`;
    }
    case 'trigger': {
      const t = found.object;
      const table = (ref as { table: string }).table;
      t.definition ??= (await deparseWithRetry(conn, TRIGGER_SQL, [ref.schema, table, ref.name])) ?? changed(label);
      return `${t.definition};\n`;
    }
  }
}

async function loadTriggerDefinitions(conn: Connection, schema: string, table: { name: string; triggers: { name: string; definition?: string }[] }) {
  for (const t of table.triggers) {
    t.definition ??= (await deparseWithRetry(conn, TRIGGER_SQL, [schema, table.name, t.name])) ?? undefined;
  }
}

/** Fills the lazy `definition` fields of the given objects in place (views, indexes, triggers, functions). */
export async function loadDefinitions(conn: Connection, snapshot: SchemaSnapshot, refs: ObjectRef[]): Promise<void> {
  for (const ref of refs) {
    if (ref.kind === 'table' || ref.kind === 'sequence' || ref.kind === 'type') continue;
    await getDefinition(conn, snapshot, ref);
  }
}
