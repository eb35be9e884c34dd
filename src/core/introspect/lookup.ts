import { UserError } from '../errors.js';
import type { Index, ObjectRef, Routine, SchemaSnapshot, Sequence, Table, Trigger, UserType, View } from './types.js';

export type FoundObject =
  | { kind: 'table'; object: Table }
  | { kind: 'view' | 'materializedView'; object: View }
  | { kind: 'sequence'; object: Sequence }
  | { kind: 'type'; object: UserType }
  | { kind: 'index'; object: Index }
  | { kind: 'function'; object: Routine }
  | { kind: 'trigger'; object: Trigger };

/** Levenshtein distance, for "did you mean" lists. */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Up to five names closest to `wanted` (substring matches first, then by edit distance). */
export function closeMatches(wanted: string, names: string[], max = 5): string[] {
  const w = wanted.toLowerCase();
  const scored = names.map((n) => {
    const l = n.toLowerCase();
    const short = l.includes('.') ? l.slice(l.indexOf('.') + 1) : l;
    const score = l === w || short === w ? -1 : l.includes(w) || w.includes(short) ? 0 : Math.min(distance(w, l), distance(w, short));
    return { n, score };
  });
  // the allowance follows the name being typed, not its schema prefix
  const bare = w.includes('.') ? w.slice(w.indexOf('.') + 1) : w;
  const limit = Math.max(2, Math.floor(bare.length / 3));
  return scored.filter((x) => x.score <= limit).sort((a, b) => a.score - b.score || (a.n < b.n ? -1 : 1)).slice(0, max).map((x) => x.n);
}

const didYouMean = (near: string[]) => (near.length ? ` (did you mean ${near.join(', ')}?)` : '');

/** Splits `schema.name` (either part may be double-quoted); a bare name has no schema. */
export function splitName(text: string): { schema?: string; name: string } {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') { quoted = true; wasQuoted = true; } else if (ch === '.' && parts.length === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  void wasQuoted;
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
}

/** Finds a table by `schema.table` or bare `table`; throws a UserError listing close matches. */
export function findTable(snapshot: SchemaSnapshot, text: string): { schema: string; table: Table } {
  const r = findRelation(snapshot, text);
  if (r.kind !== 'table') throw new UserError(`${r.schema}.${r.name} is a ${r.kind.replace('materializedView', 'materialized view')}, not a table`);
  return { schema: r.schema, table: snapshot.schemas[r.schema]!.tables[r.name]! };
}

/** Finds any relation (table, view, materialized view, sequence) by name, schema optional. */
export function findRelation(snapshot: SchemaSnapshot, text: string): { schema: string; name: string; kind: 'table' | 'view' | 'materializedView' | 'sequence' } {
  const { schema, name } = splitName(text.trim());
  if (!name) throw new UserError('give a relation name, e.g. public.orders');
  if (schema !== undefined && !snapshot.schemas[schema]) {
    throw new UserError(`unknown schema "${schema}"${didYouMean(closeMatches(schema, Object.keys(snapshot.schemas)))}`);
  }
  const hits: { schema: string; name: string; kind: 'table' | 'view' | 'materializedView' | 'sequence' }[] = [];
  const all: string[] = [];
  for (const sch of Object.values(snapshot.schemas)) {
    for (const kind of ['table', 'view', 'materializedView', 'sequence'] as const) {
      const group = kind === 'table' ? sch.tables : kind === 'view' ? sch.views : kind === 'materializedView' ? sch.materializedViews : sch.sequences;
      for (const n of Object.keys(group)) {
        all.push(`${sch.name}.${n}`);
        if (n === name && (schema === undefined || schema === sch.name)) hits.push({ schema: sch.name, name: n, kind });
      }
    }
  }
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    // a bare name follows the usual search_path: public wins; otherwise it is ambiguous
    const pub = hits.find((h) => h.schema === 'public');
    if (pub) return pub;
    throw new UserError(`"${name}" exists in several schemas (${hits.map((h) => `${h.schema}.${h.name}`).join(', ')}); give the schema`);
  }
  const pool = schema === undefined ? all : all.filter((x) => x.startsWith(`${schema}.`));
  throw new UserError(`unknown relation "${text.trim()}"${didYouMean(closeMatches(schema === undefined ? name : `${schema}.${name}`, pool))}`);
}

/** Resolves an ObjectRef in a snapshot; throws a UserError when it is not there. */
export function findObject(snapshot: SchemaSnapshot, ref: ObjectRef): FoundObject {
  const sch = snapshot.schemas[ref.schema];
  if (!sch) throw new UserError(`unknown schema "${ref.schema}"${didYouMean(closeMatches(ref.schema, Object.keys(snapshot.schemas)))}`);
  const miss = (names: string[]): never => {
    throw new UserError(`unknown ${ref.kind} "${ref.schema}.${ref.name}"${didYouMean(closeMatches(ref.name, names))}`);
  };
  switch (ref.kind) {
    case 'table': return { kind: 'table', object: sch.tables[ref.name] ?? miss(Object.keys(sch.tables)) };
    case 'view': return { kind: 'view', object: sch.views[ref.name] ?? miss(Object.keys(sch.views)) };
    case 'materializedView': return { kind: 'materializedView', object: sch.materializedViews[ref.name] ?? miss(Object.keys(sch.materializedViews)) };
    case 'sequence': return { kind: 'sequence', object: sch.sequences[ref.name] ?? miss(Object.keys(sch.sequences)) };
    case 'type': return { kind: 'type', object: sch.types[ref.name] ?? miss(Object.keys(sch.types)) };
    case 'function': {
      const f = sch.functions[ref.name] ?? Object.values(sch.functions).filter((x) => x.name === ref.name).at(0);
      return { kind: 'function', object: f ?? miss(Object.keys(sch.functions)) };
    }
    case 'index': {
      const all = [...Object.values(sch.tables), ...Object.values(sch.materializedViews)].flatMap((t) => t.indexes);
      return { kind: 'index', object: all.find((i) => i.name === ref.name) ?? miss(all.map((i) => i.name)) };
    }
    case 'trigger': {
      const t = sch.tables[ref.table] ?? sch.views[ref.table];
      if (!t) miss(Object.keys(sch.tables));
      return { kind: 'trigger', object: t!.triggers.find((x) => x.name === ref.name) ?? miss(t!.triggers.map((x) => x.name)) };
    }
  }
}
