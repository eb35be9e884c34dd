import type { RelationListItem, SchemaSnapshot } from '../../core/introspect/types.js';

export type ItemKind =
  | 'schema' | 'table' | 'partitioned' | 'foreign' | 'view' | 'matview' | 'sequence'
  | 'enum' | 'domain' | 'composite' | 'range' | 'function';

/** One row of the Browser's object list. */
export interface CatalogItem {
  /** `kind:schema.name`, stable across reloads */
  key: string;
  kind: ItemKind;
  schema: string;
  /** object name (functions: `name(args)`) */
  name: string;
  rows?: number;
  bytes?: number;
  /** lower-cased `schema.name`, what the filter matches */
  search: string;
}

/** Order of kinds inside a schema, the order the issue lists them in. */
const KIND_ORDER: Record<ItemKind, number> = {
  schema: 0, table: 1, partitioned: 1, foreign: 1, view: 2, matview: 3, enum: 4, domain: 5, composite: 6, range: 7, function: 8, sequence: 9,
};

const item = (kind: ItemKind, schema: string, name: string, rows?: number, bytes?: number): CatalogItem => ({
  key: `${kind}:${schema}.${name}`, kind, schema, name, rows, bytes, search: `${schema}.${name}`.toLowerCase(),
});

function sorted(items: CatalogItem[]): CatalogItem[] {
  return items.sort((a, b) =>
    a.schema === b.schema
      ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
      : schemaRank(a.schema) - schemaRank(b.schema) || (a.schema < b.schema ? -1 : 1));
}

// public first: it is where a new user's tables are
const schemaRank = (s: string) => (s === 'public' ? 0 : 1);

const LIST_KIND: Record<RelationListItem['kind'], ItemKind | undefined> = {
  table: 'table', partitioned: 'partitioned', foreign: 'foreign', view: 'view', 'materialized view': 'matview', sequence: undefined,
};

/** The first-screen list (relations only), before the full snapshot has been read. */
export function itemsFromRelationList(list: readonly RelationListItem[]): CatalogItem[] {
  const out: CatalogItem[] = [];
  const schemas = new Set<string>();
  for (const r of list) {
    const kind = LIST_KIND[r.kind];
    if (!kind) continue;
    schemas.add(r.schema);
    out.push(item(kind, r.schema, r.name, r.rowEstimate, r.totalBytes));
  }
  for (const s of schemas) out.push(item('schema', s, s));
  return sorted(out);
}

/** Every object the Browser shows, from the snapshot (with stats where the snapshot has them). */
export function itemsFromSnapshot(snap: SchemaSnapshot): CatalogItem[] {
  const out: CatalogItem[] = [];
  const stats = snap.stats?.relations ?? {};
  for (const s of Object.values(snap.schemas)) {
    out.push(item('schema', s.name, s.name));
    for (const t of Object.values(s.tables)) {
      const st = stats[`${s.name}.${t.name}`];
      out.push(item(t.kind === 'table' ? 'table' : t.kind, s.name, t.name, st?.rowEstimate, st?.totalBytes));
    }
    for (const v of Object.values(s.views)) out.push(item('view', s.name, v.name));
    for (const v of Object.values(s.materializedViews)) {
      const st = stats[`${s.name}.${v.name}`];
      out.push(item('matview', s.name, v.name, st?.rowEstimate, st?.totalBytes));
    }
    for (const t of Object.values(s.types)) out.push(item(t.kind, s.name, t.name));
    for (const [key, f] of Object.entries(s.functions)) if (!f.extension) out.push(item('function', s.name, key));
  }
  return sorted(out);
}

export const BADGE: Record<ItemKind, string> = {
  schema: '▾', table: 'T', partitioned: 'P', foreign: 'F', view: 'V', matview: 'M', sequence: 'S',
  enum: 'E', domain: 'D', composite: 'C', range: 'R', function: 'ƒ',
};

export const KIND_LABEL: Record<ItemKind, string> = {
  schema: 'schema', table: 'table', partitioned: 'partitioned table', foreign: 'foreign table', view: 'view',
  matview: 'materialized view', sequence: 'sequence', enum: 'enum', domain: 'domain', composite: 'composite type',
  range: 'range type', function: 'function',
};
