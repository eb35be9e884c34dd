/**
 * Joins the catalog rows of one batch (catalog-sql.ts; column order is the contract) into a
 * SchemaSnapshot, step by step (build-*.ts). OIDs are join keys only and never reach the snapshot.
 */
import type { CatalogRows } from './batch.js';
import { b, byName, makeContext, n, s, type Row } from './build-context.js';
import { addConstraints, addIndexes } from './build-keys.js';
import { addPolicies, addRoutines, addTriggers, addTypes } from './build-objects.js';
import { addColumns, addRelations, addSequences } from './build-relations.js';
import { buildStats } from './build-stats.js';
import { SNAPSHOT_FORMAT, type Routine, type SchemaSnapshot, type SnapshotServer, type Unavailable } from './types.js';

export { byName, options } from './build-context.js';

export interface BuildInput {
  rows: CatalogRows;
  server: SnapshotServer;
  unavailable: Unavailable[];
  fingerprint: Record<string, string>;
  hiddenSchemas: string[];
  stats: boolean;
  eager: boolean;
  capturedAt: string;
}

/** A deparse result that came back NULL: the object changed underneath the read. */
export interface MissingDefinition {
  kind: 'view' | 'index' | 'trigger' | 'function';
  /** catalog OID, valid only for the retry right after the read */
  oid: number;
  /** readable name for `SchemaSnapshot.stale` */
  name: string;
  set: (v: string) => void;
}

export interface BuildOutput {
  snapshot: SchemaSnapshot;
  /** deparse results that came back NULL: `kind:oid` → where to store a retried value */
  missing: MissingDefinition[];
}

export function buildSnapshot(inp: BuildInput): BuildOutput {
  const ctx = makeContext(inp.rows);
  addColumns(ctx);
  addRelations(ctx);
  addSequences(ctx);
  addTypes(ctx);
  addIndexes(ctx);
  addConstraints(ctx);
  addTriggers(ctx);
  addPolicies(ctx);
  addRoutines(ctx);
  const { R, comment, members, schemas, classes, tables, views, typeByOid, indexByOid, triggerByOid, routineByOid, platformPolicies } = ctx;
  const missing: MissingDefinition[] = [];
  for (const [oid, nsp, rel] of R('view_dependencies')) views.get(n(oid))?.dependsOn.push(`${s(nsp)}.${s(rel)}`);

  // phase B, when eager
  if (inp.eager) {
    const fill = <T extends { name: string; definition?: string }>(rows: Row[], map: Map<number, T>, kind: MissingDefinition['kind']) => {
      for (const [oid, def] of rows) {
        const o = map.get(n(oid));
        if (!o) continue;
        if (def === null) {
          if (kind === 'function' && (o as unknown as Routine).kind === 'aggregate') continue;
          missing.push({ kind, oid: n(oid), name: `${kind} ${o.name}`, set: (v) => { o.definition = v; } });
        } else o.definition = s(def);
      }
    };
    fill(R('view_definitions'), views, 'view');
    fill(R('index_definitions'), indexByOid, 'index');
    fill(R('trigger_definitions'), triggerByOid, 'trigger');
    fill(R('function_definitions'), routineByOid, 'function');
  }

  // canonical order: columns stay in attnum order, everything else by name
  for (const t of tables.values()) {
    t.uniques.sort(byName); t.foreignKeys.sort(byName); t.checks.sort(byName); t.exclusions.sort(byName);
    t.indexes.sort(byName); t.triggers.sort(byName); t.policies.sort(byName);
  }
  for (const v of views.values()) { v.indexes.sort(byName); v.triggers.sort(byName); v.dependsOn.sort(); }
  for (const t of typeByOid.values()) if (t.kind === 'domain') t.checks.sort(byName);

  const extensions = R('extensions').map(([oid, name, version, nsp, reloc]) => {
    const e = { name: s(name), version: s(version), schema: s(nsp), relocatable: b(reloc), members: (members.get(n(oid)) ?? []).sort() } as SchemaSnapshot['extensions'][number];
    const cmt = comment('pg_extension', n(oid));
    if (cmt !== undefined) e.comment = cmt;
    return e;
  }).sort(byName);

  const snapshot: SchemaSnapshot = {
    format: SNAPSHOT_FORMAT,
    server: inp.server,
    fingerprint: inp.fingerprint,
    extensions,
    schemas,
    hiddenSchemas: inp.hiddenSchemas,
    platformPolicies,
    unavailable: inp.unavailable,
    stale: [],
    definitions: inp.eager ? 'eager' : 'lazy',
  };
  if (inp.stats) snapshot.stats = buildStats(inp, classes, indexByOid);
  return { snapshot, missing };
}

