// Synthetic schema for the introspection benchmark (design/introspection.md §6.2): per table ~10
// columns (identity PK, enum, numeric + CHECK, array, jsonb, defaults, a stored generated column),
// 1–2 foreign keys, an INCLUDE index and a partial expression index, comments; per 10 tables a
// trigger, RLS + policy, a GRANT and a view; per 100 a materialized view.
import pg from 'pg';

const SCHEMAS = 10;

/** DDL statements in batches; each batch runs in its own transaction to stay under max_locks. */
export function* benchBatches(tables, perBatch = 250) {
  const head = [`CREATE TYPE public.bench_state AS ENUM ('new', 'active', 'archived')`,
    `CREATE DOMAIN public.bench_amount AS numeric(12,2) CHECK (VALUE >= 0)`,
    `CREATE FUNCTION public.bench_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$`,
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_reader') THEN CREATE ROLE bench_reader; END IF; END $$`];
  for (let s = 0; s < SCHEMAS; s++) head.push(`CREATE SCHEMA s${s}`);
  yield head.join(';\n');
  let batch = [];
  for (let i = 0; i < tables; i++) {
    const s = `s${i % SCHEMAS}`;
    const t = `${s}.t${i}`;
    const fk1 = i > 0 ? `s${(i - 1) % SCHEMAS}.t${i - 1}` : null;
    const fk2 = i > 1 && i % 2 === 0 ? `s${(i - 2) % SCHEMAS}.t${i - 2}` : null;
    batch.push(`CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint${fk1 ? ` REFERENCES ${fk1} (id) ON DELETE CASCADE` : ''},
  other_id bigint${fk2 ? ` REFERENCES ${fk2} (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED` : ''},
  name text NOT NULL,
  state public.bench_state NOT NULL DEFAULT 'new',
  amount public.bench_amount,
  qty integer NOT NULL DEFAULT 0 CONSTRAINT t${i}_qty_check CHECK (qty >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  payload jsonb,
  total numeric GENERATED ALWAYS AS (qty * 2) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)`);
    batch.push(`CREATE INDEX t${i}_parent_idx ON ${t} (parent_id) INCLUDE (name)`);
    batch.push(`CREATE INDEX t${i}_name_active_idx ON ${t} (lower(name)) WHERE state = 'active'`);
    batch.push(`COMMENT ON TABLE ${t} IS 'bench table ${i}'`);
    batch.push(`COMMENT ON COLUMN ${t}.name IS 'display name'`);
    if (i % 10 === 0) {
      batch.push(`CREATE TRIGGER t${i}_touch BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION public.bench_touch()`);
      batch.push(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      batch.push(`CREATE POLICY t${i}_own ON ${t} USING (state <> 'archived')`);
      batch.push(`GRANT SELECT ON ${t} TO bench_reader`);
      batch.push(`CREATE VIEW ${s}.v${i} AS SELECT id, name, qty FROM ${t} WHERE state = 'active'`);
    }
    if (i % 100 === 0) batch.push(`CREATE MATERIALIZED VIEW ${s}.mv${i} AS SELECT state, count(*) AS n FROM ${t} GROUP BY state`);
    if (batch.length >= perBatch * 5) { yield batch.join(';\n'); batch = []; }
  }
  if (batch.length) yield batch.join(';\n');
}

/** Creates database `name` with `tables` synthetic tables unless it exists and is complete. */
export async function ensureBenchDatabase(adminUrl, name, tables, log = () => {}) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
    if (exists) {
      const c = new pg.Client({ connectionString: withDb(adminUrl, name) });
      await c.connect();
      const done = await c.query(`SELECT obj_description('public.bench_state'::regtype, 'pg_type') = $1 AS ok`, [`complete ${tables}`]).catch(() => ({ rows: [{ ok: false }] }));
      await c.end();
      if (done.rows[0].ok) return false;
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const c = new pg.Client({ connectionString: withDb(adminUrl, name) });
  await c.connect();
  try {
    let n = 0;
    for (const b of benchBatches(tables)) {
      await c.query(`BEGIN;\n${b};\nCOMMIT`);
      log(`built batch ${++n}`);
    }
    await c.query('ANALYZE');
    // marks the build as complete, so an interrupted build is redone rather than measured
    await c.query(`COMMENT ON TYPE public.bench_state IS 'complete ${tables}'`);
  } finally {
    await c.end();
  }
  return true;
}

export function withDb(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
