import type { Acl, SchemaSnapshot } from './types.js';

/**
 * The part of a snapshot that describes the schema alone: drops the server block, fingerprints,
 * stats and capture details, and version artefacts — the PG17+ MAINTAIN privilege, which a
 * PG15 server cannot grant. Two databases built from the same DDL normalise to equal values.
 */
export function normalizeSnapshot(s: SchemaSnapshot): Omit<SchemaSnapshot, 'server' | 'fingerprint' | 'stats'> {
  const { server: _server, fingerprint: _fp, stats: _stats, ...rest } = s;
  const copy = JSON.parse(JSON.stringify(rest)) as Omit<SchemaSnapshot, 'server' | 'fingerprint' | 'stats'>;
  walk(copy);
  return copy;
}

function walk(v: unknown): void {
  if (Array.isArray(v)) { v.forEach(walk); return; }
  if (!v || typeof v !== 'object') return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'acl' && Array.isArray(x)) (v as Record<string, unknown>)[k] = (x as Acl[]).map(dropMaintain);
    else walk(x);
  }
}

const dropMaintain = (a: Acl): Acl => ({
  ...a, privileges: a.privileges.filter((p) => p !== 'MAINTAIN'), grantable: a.grantable.filter((p) => p !== 'MAINTAIN'),
});
