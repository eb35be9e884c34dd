import { closest } from '../closest.js';
import type { SchemaSnapshot } from '../introspect/types.js';
import type { DraftForeignKey, TableDraft } from './draft.js';
import { findTable } from './types.js';

export const allTables = (snap: SchemaSnapshot): string[] =>
  Object.entries(snap.schemas).flatMap(([s, x]) => Object.keys(x.tables).map((t) => `${s}.${t}`)).sort();

/** `orgs` → `public.orgs` (the draft's schema first, then public, then the one schema that has it). */
export function qualifyTable(snap: SchemaSnapshot, draftSchema: string, ref: string): string | undefined {
  if (ref.includes('.') && findTable(snap, ref)) return ref;
  for (const s of [draftSchema, 'public']) if (snap.schemas[s]?.tables[ref]) return `${s}.${ref}`;
  const hits = allTables(snap).filter((q) => q.endsWith(`.${ref}`));
  return hits.length === 1 ? hits[0] : undefined;
}

/** A foreign key with its table qualified and its column defaulted to the referenced single-column key. */
export function resolveForeignKey(snap: SchemaSnapshot, draftSchema: string, fk: DraftForeignKey): DraftForeignKey {
  let table = qualifyTable(snap, draftSchema, fk.table);
  let refColumn = fk.refColumn;
  // fk(orgs.id): a two-part name that is not schema.table is table.column
  if (!table && fk.table.includes('.') && !refColumn) {
    const [t, c] = [fk.table.slice(0, fk.table.lastIndexOf('.')), fk.table.slice(fk.table.lastIndexOf('.') + 1)];
    const q = qualifyTable(snap, draftSchema, t);
    if (q) { table = q; refColumn = c; }
  }
  if (!table) return fk;
  const target = findTable(snap, table)!;
  if (!refColumn && target.primaryKey?.columns.length === 1) refColumn = target.primaryKey.columns[0]!;
  return { ...fk, table, refColumn };
}

export function resolveReferences(snap: SchemaSnapshot, d: TableDraft): TableDraft {
  return { ...d, foreignKeys: d.foreignKeys.map((f) => resolveForeignKey(snap, d.schema, f)) };
}

/** "did you mean" for a table name that is not there. */
export function tableHint(snap: SchemaSnapshot, ref: string): string {
  const names = allTables(snap);
  const near = closest(ref, [...names, ...names.map((q) => q.slice(q.indexOf('.') + 1))]);
  return near.length ? ` (did you mean ${near.join(', ')}?)` : '';
}
