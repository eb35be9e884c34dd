import type { Session } from '../db/connection.js';
import type { SchemaSnapshot, Table } from '../introspect/types.js';
import type { TableDraft } from './draft.js';
import { resolveReferences } from './references.js';
import { draftTable, withDraft } from './table.js';
import { resolveTypes, type ResolvedType } from './types.js';
import { validateDraft, validateOnServer, type Problem } from './validate.js';

/** A draft with everything derived from it: resolved references and types, the table, the snapshot with it, the problems. */
export interface Evaluated {
  draft: TableDraft;
  types: Map<string, ResolvedType>;
  table: Table;
  /** the snapshot the draft was checked against */
  live: SchemaSnapshot;
  /** the live snapshot plus the draft */
  snapshot: SchemaSnapshot;
  problems: Problem[];
}

function derive(snap: SchemaSnapshot, draft: TableDraft, types: Map<string, ResolvedType>, problems: Problem[]): Evaluated {
  return { draft, types, table: draftTable(draft, types), live: snap, snapshot: withDraft(snap, draft, types), problems };
}

/** Without the server: types it cannot resolve locally are reported as unknown. */
export async function evaluateLocal(snap: SchemaSnapshot, d: TableDraft): Promise<Evaluated> {
  const draft = resolveReferences(snap, d);
  const types = await resolveTypes(snap, draft);
  return derive(snap, draft, types, validateDraft(snap, draft, types));
}

/** With the server: any type it knows, defaults cast to their types, CHECK expressions parsed. */
export async function evaluate(s: Session, snap: SchemaSnapshot, d: TableDraft): Promise<Evaluated> {
  const draft = resolveReferences(snap, d);
  const types = await resolveTypes(snap, draft, s);
  const problems = validateDraft(snap, draft, types);
  problems.push(...(await validateOnServer(s, draft, types)));
  return derive(snap, draft, types, problems);
}
