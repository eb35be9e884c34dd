import type { Flavor, ServerInfo, Session } from './connection.js';

/** Reads version and flavour once at connect; each probe may fail alone on partial catalogs. */
export async function readServerInfo(s: Session, embedded: boolean): Promise<ServerInfo> {
  const base = await s.query<{ version: string; num: string; db: string; usr: string }>(
    `SELECT version() AS version, current_setting('server_version_num') AS num, current_database() AS db, current_user AS usr`,
  );
  const row = base.rows[0]!;
  const info: ServerInfo = {
    versionString: row.version,
    versionNum: Number(row.num),
    flavor: 'postgres',
    database: row.db,
    user: row.usr,
  };
  if (embedded || /PGlite/i.test(row.version)) info.flavor = 'pglite';
  else if (/CockroachDB/i.test(row.version)) info.flavor = 'cockroach';
  else if (/-YB-/i.test(row.version)) info.flavor = 'yugabyte';
  else info.flavor = await probeFlavor(s);
  return info;
}

async function probeFlavor(s: Session): Promise<Flavor> {
  try {
    const r = await s.query<{ citus: boolean; neon: boolean; supabase: boolean }>(`SELECT
      EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') AS citus,
      EXISTS (SELECT 1 FROM pg_catalog.pg_settings WHERE name LIKE 'neon.%') AS neon,
      EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'supabase_admin') AS supabase`);
    const f = r.rows[0]!;
    if (f.citus) return 'citus';
    if (f.supabase) return 'supabase';
    if (f.neon) return 'neon';
  } catch {
    // a catalog we may not read only means we cannot tell the flavour apart from plain PostgreSQL
  }
  return 'postgres';
}
