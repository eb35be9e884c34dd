import type { SchemaSnapshot } from '../introspect/types.js';
import { strings, walk } from './ast.js';
import type { PgNode } from './types.js';

/** Built-in functions whose result differs per row, so a DEFAULT using them rewrites the table (§4). */
const VOLATILE = new Set(['gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7', 'random', 'clock_timestamp', 'timeofday', 'nextval', 'setval', 'txid_current', 'pg_current_xact_id', 'random_normal', 'gen_random_bytes', 'currval', 'lastval']);

/** Built-ins that are immutable or stable: evaluated once for ADD COLUMN, the value is stored in the catalog. */
const NON_VOLATILE = new Set(['now', 'transaction_timestamp', 'statement_timestamp', 'current_setting', 'upper', 'lower', 'length', 'coalesce', 'concat', 'md5', 'to_char', 'to_date', 'to_timestamp', 'date_trunc', 'make_interval', 'make_date', 'jsonb_build_object', 'json_build_object', 'jsonb_build_array', 'array_fill', 'greatest', 'least', 'abs', 'round', 'trim', 'btrim', 'replace', 'substr', 'substring', 'nullif', 'timezone', 'age', 'current_database', 'current_schema', 'current_user', 'session_user', 'version', 'interval', 'extract', 'date_part']);

export type Volatility = { kind: 'constant' } | { kind: 'volatile'; fn: string } | { kind: 'unknown'; fn: string };

/**
 * How a DEFAULT expression behaves for ADD COLUMN on PostgreSQL 11+: constant (stored once, no
 * rewrite) or volatile (rewrite). User functions count as volatile unless the snapshot says
 * immutable/stable; a trivial LANGUAGE sql function may still be inlined and folded (§4).
 */
export function defaultVolatility(expr: PgNode | undefined, snapshot?: SchemaSnapshot): Volatility {
  for (const n of walk(expr)) {
    const call = n.FuncCall as PgNode | undefined;
    if (!call) continue;
    const names = strings(call.funcname);
    const fn = names[names.length - 1]!.toLowerCase();
    const schema = names.length > 1 ? names[0] : undefined;
    if (VOLATILE.has(fn)) return { kind: 'volatile', fn };
    if (NON_VOLATILE.has(fn) && (!schema || schema === 'pg_catalog')) continue;
    const known = snapshotVolatility(snapshot, schema, fn);
    if (known === 'volatile') return { kind: 'volatile', fn };
    if (known === undefined) return { kind: 'unknown', fn };
  }
  return { kind: 'constant' };
}

function snapshotVolatility(snap: SchemaSnapshot | undefined, schema: string | undefined, fn: string): string | undefined {
  if (!snap) return undefined;
  const schemas = schema ? [snap.schemas[schema]] : Object.values(snap.schemas);
  const found = schemas.flatMap((s) => Object.values(s?.functions ?? {})).filter((f) => f.name === fn);
  if (!found.length) return undefined;
  return found.some((f) => f.volatility === 'volatile') ? 'volatile' : 'stable';
}
