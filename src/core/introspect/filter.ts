import type { Flavor } from '../db/connection.js';
import { literal } from './sql-text.js';
import type { SchemaFilter } from './types.js';

/** Schemas that belong to the platform rather than the user; hidden unless asked for. */
export const PLATFORM_SCHEMAS: Partial<Record<Flavor, string[]>> = {
  supabase: ['_analytics', '_realtime', 'auth', 'cron', 'extensions', 'graphql', 'graphql_public', 'net', 'pgbouncer',
    'pgsodium', 'pgsodium_masks', 'realtime', 'storage', 'supabase_functions', 'supabase_migrations', 'vault'],
  citus: ['citus', 'citus_internal', 'columnar', 'columnar_internal'],
};

/** Platform tables whose RLS settings and policies are user intent (Supabase): kept even when hidden. */
export const POLICY_SCHEMAS: Partial<Record<Flavor, string[]>> = { supabase: ['auth', 'storage', 'realtime'] };

const SYSTEM = `nspname !~ '^pg_' AND nspname <> 'information_schema' AND nspname <> 'crdb_internal'`;

function globCondition(pattern: string): string {
  if (!/[*?]/.test(pattern)) return `nspname = ${literal(pattern)}`;
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return `nspname ~ ${literal(`^${re}$`)}`;
}

/** The SQL condition (over `nspname`) that selects the schemas to read. */
export function schemaCondition(f: SchemaFilter, flavor: Flavor): string {
  const parts = [SYSTEM];
  if (f.schemas?.length) parts.push(`(${f.schemas.map(globCondition).join(' OR ')})`);
  for (const x of f.excludeSchemas ?? []) parts.push(`NOT (${globCondition(x)})`);
  const platform = f.includePlatform ? [] : PLATFORM_SCHEMAS[flavor] ?? [];
  // an explicitly named schema is read even when it is a platform one
  const hide = platform.filter((p) => !f.schemas?.includes(p));
  if (hide.length) parts.push(`nspname NOT IN (${hide.map(literal).join(', ')})`);
  return parts.join(' AND ');
}

/** The schemas hidden by the platform filter, as a condition (empty list → no statement needed). */
export function hiddenPlatformSchemas(f: SchemaFilter, flavor: Flavor): string[] {
  if (f.includePlatform) return [];
  return (PLATFORM_SCHEMAS[flavor] ?? []).filter((p) => !f.schemas?.includes(p));
}

/** A subquery of the selected namespaces' OIDs. */
export const nsSubquery = (cond: string): string => `(SELECT oid FROM pg_catalog.pg_namespace WHERE ${cond})`;
