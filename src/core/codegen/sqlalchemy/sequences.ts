import type { SchemaSnapshot } from '../../introspect/types.js';

/** The module-level name of a Sequence object. */
export const sequenceConst = (name: string): string => `${name.replace(/\W/g, '_').toUpperCase()}`;

/** The sequence a `nextval('…'::regclass)` default names, looked up in the snapshot. */
export function sequenceOf(snap: SchemaSnapshot, schema: string, def: string) {
  const m = /^nextval\('(.+)'::regclass\)$/.exec(def);
  if (!m) return undefined;
  const parts = m[1]!.split('.').map((p) => p.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [s, n] = parts.length > 1 ? [parts[0]!, parts[1]!] : [schema, parts[0]!];
  const seq = snap.schemas[s]?.sequences[n];
  return seq ? { ...seq, schema: s } : undefined;
}

