import type { Session } from '../db/connection.js';
import type { SchemaSnapshot } from '../introspect/types.js';
import { quoteIdent, RESERVED_WORDS } from '../sql/ident.js';
import { draftNames, generatedColumnNames, type TableDraft } from './draft.js';
import { tableHint } from './references.js';
import { AUDIT_COLUMNS, draftTable } from './table.js';
import { findTable, type ResolvedType } from './types.js';

/** The wizard's steps; every problem belongs to the step where the user fixes it. */
export const STEPS = ['name', 'columns', 'keys', 'relations', 'indexes', 'review'] as const;
export type Step = (typeof STEPS)[number];

export interface Problem {
  step: Step;
  /** the column (or index) the problem is about */
  field?: string;
  message: string;
}

const MAX_IDENT = 63;

/** Lowercase snake_case that never needs quoting, at most 63 bytes, not a reserved word. */
export function identifierProblem(kind: string, name: string): string | undefined {
  if (!name) return `${kind} needs a name`;
  if (Buffer.byteLength(name) > MAX_IDENT) return `${kind} "${name}" is ${Buffer.byteLength(name)} bytes; PostgreSQL truncates names to 63`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return `${kind} "${name}" would need quoting (${quoteIdent(name)}); use lowercase letters, digits and _ (e.g. ${name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^(\d)/, '_$1')})`;
  if (RESERVED_WORDS.has(name)) return `${kind} "${name}" is a reserved word in PostgreSQL and would need quoting everywhere; try ${name}_name or ${name}_value`;
  return undefined;
}

/** Everything that can be checked without the server, given the types resolved so far. */
export function validateDraft(snap: SchemaSnapshot, d: TableDraft, types: Map<string, ResolvedType>): Problem[] {
  const out: Problem[] = [];
  const p = (step: Step, message: string, field?: string) => out.push({ step, message, ...(field ? { field } : {}) });
  const nameProblem = identifierProblem('table', d.name);
  if (nameProblem) p('name', nameProblem);
  else if (!snap.schemas[d.schema]) p('name', `schema "${d.schema}" does not exist; create it first or choose one of ${Object.keys(snap.schemas).sort().join(', ')}`);
  else if (snap.schemas[d.schema]!.tables[d.name] || snap.schemas[d.schema]!.views[d.name]) p('name', `${d.schema}.${d.name} already exists; choose another name (the wizard only creates new tables)`);
  const generated = generatedColumnNames(d);
  if (!d.columns.length) p('columns', 'add at least one column (a to add)');
  const seen = new Set<string>(generated);
  for (const c of d.columns) {
    const bad = identifierProblem('column', c.name);
    if (bad) { p('columns', bad, c.name); continue; }
    if (seen.has(c.name)) p('columns', generated.includes(c.name) ? `column "${c.name}" is added by the ${c.name === 'id' ? 'primary key' : 'timestamp/soft-delete/version'} option; rename yours or turn the option off` : `column "${c.name}" appears twice`, c.name);
    seen.add(c.name);
    if (c.enumLabels) {
      if (!c.enumLabels.length) p('columns', `${c.name}: an enum needs labels, e.g. enum(draft|active)`, c.name);
      if (new Set(c.enumLabels).size !== c.enumLabels.length) p('columns', `${c.name}: enum labels repeat`, c.name);
      const clash = identifierProblem('enum type', draftNames.enumType(d.name, c.name));
      if (clash) p('columns', clash, c.name);
      else if (snap.schemas[d.schema]?.types[draftNames.enumType(d.name, c.name)]) p('columns', `type ${d.schema}.${draftNames.enumType(d.name, c.name)} already exists; use it as the type instead of enum(…)`, c.name);
    } else if (!c.type && !d.foreignKeys.some((f) => f.column === c.name)) {
      p('columns', `${c.name} has no type (it took the type of a reference that is gone); give it one, e.g. ${c.name}:bigint`, c.name);
    } else if (!types.has(c.name) && c.type) p('columns', `${c.name}: type "${c.type}" is not known to the database; use a PostgreSQL type (text, integer, numeric(12,2), timestamptz, …) or one of str, int, float, bool, datetime, text, uuid, jsonb`, c.name);
    for (const n of [draftNames.unique(d.name, [c.name]), draftNames.check(d.name, c.name), draftNames.fk(d.name, c.name)]) {
      if (Buffer.byteLength(n) > MAX_IDENT) { p('columns', `${c.name}: the derived name ${n} is longer than 63 bytes; shorten the table or column name`, c.name); break; }
    }
  }
  const audit = snap.schemas[d.schema]?.tables[draftNames.auditTable];
  if (d.audit && audit && !AUDIT_COLUMNS.every((c) => audit.columns.some((x) => x.name === c))) {
    p('keys', `${d.schema}.${draftNames.auditTable} exists but has not the audit columns (${AUDIT_COLUMNS.join(', ')}); rename it or turn the audit trail off`);
  }
  if (d.audit && d.name === draftNames.auditTable) p('name', `${draftNames.auditTable} is the audit trail's own table; choose another name or turn the audit trail off`);
  if (d.pk === 'natural') {
    if (!d.pkColumns.length) p('keys', 'a natural key needs its columns (space toggles a column into the key), or choose identity or uuid');
    for (const k of d.pkColumns) if (!d.columns.some((c) => c.name === k)) p('keys', `key column "${k}" is not a column of the table`, k);
  }
  for (const f of d.foreignKeys) {
    const c = d.columns.find((x) => x.name === f.column);
    if (!c) { p('relations', `foreign key column "${f.column}" is not a column of the table`, f.column); continue; }
    const target = f.table.includes('.') ? findTable(snap, f.table) : undefined;
    if (!target) { p('relations', `${f.column}: table "${f.table}" does not exist${tableHint(snap, f.table)}`, f.column); continue; }
    const ref = target.columns.find((x) => x.name === f.refColumn);
    if (!f.refColumn) { p('relations', `${f.column}: ${f.table} has no single-column primary key; name the column, e.g. fk(${f.table}.code)`, f.column); continue; }
    if (!ref) { p('relations', `${f.column}: ${f.table} has no column "${f.refColumn}" (it has ${target.columns.map((x) => x.name).join(', ')})`, f.column); continue; }
    const keyed = [target.primaryKey, ...target.uniques].some((k) => k?.columns.length === 1 && k.columns[0] === f.refColumn) ||
      target.indexes.some((i) => i.unique && !i.predicate && i.keys.length === 1 && i.keys[0]!.column === f.refColumn);
    if (!keyed) p('relations', `${f.column}: ${f.table}.${f.refColumn} is neither a primary key nor unique; a foreign key must reference one`, f.column);
    const mine = types.get(c.name);
    if (mine && mine.type !== ref.type) p('relations', `${f.column} is ${mine.type} but ${f.table}.${f.refColumn} is ${ref.type}; make them the same type (or give the column type fk(${f.table}))`, f.column);
    if (f.onDelete === 'SET NULL' && !c.nullable) p('relations', `${f.column}: ON DELETE SET NULL on a NOT NULL column fails at delete time; make the column nullable or choose CASCADE/RESTRICT`, f.column);
  }
  const all = new Set([...generated, ...d.columns.map((c) => c.name)]);
  const idx = new Set<string>();
  for (const i of d.indexes) {
    const key = `${i.unique}:${i.columns.join(',')}:${i.where ?? ''}`;
    if (!i.columns.length) p('indexes', 'an index needs at least one column');
    for (const c of i.columns) if (!all.has(c)) p('indexes', `index column "${c}" is not a column of the table`, c);
    if (idx.has(key)) p('indexes', `the index on (${i.columns.join(', ')}) is there twice`, i.columns.join(','));
    idx.add(key);
    if (Buffer.byteLength(draftNames.index(d.name, i.columns)) > MAX_IDENT) p('indexes', `the index name ${draftNames.index(d.name, i.columns)} is longer than 63 bytes; use fewer columns or shorter names`);
  }
  return out;
}

/**
 * What only the server can say: defaults that do not cast to the column's type (`SELECT <default>::<type>`)
 * and CHECK expressions that do not parse against the columns. Runs read-only and rolled back.
 */
export async function validateOnServer(s: Session, d: TableDraft, types: Map<string, ResolvedType>): Promise<Problem[]> {
  const out: Problem[] = [];
  const firstLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0];
  await s.query('BEGIN READ ONLY');
  try {
    for (const c of d.columns) {
      const r = types.get(c.name);
      if (!r || c.default === undefined) continue;
      if (r.newEnum) {
        const label = /^'((?:[^']|'')*)'(?:::.*)?$/.exec(c.default.trim())?.[1]?.replace(/''/g, "'");
        if (label === undefined || !r.enumLabels?.includes(label)) out.push({ step: 'columns', field: c.name, message: `${c.name}: default ${c.default} is not one of the labels (${r.enumLabels?.map((l) => `'${l}'`).join(', ')})` });
        continue;
      }
      try {
        await s.query('SAVEPOINT tw_default');
        await s.query(`SELECT (${c.default})::${r.type}`);
        await s.query('RELEASE SAVEPOINT tw_default');
      } catch (err) {
        await s.query('ROLLBACK TO SAVEPOINT tw_default');
        out.push({ step: 'columns', field: c.name, message: `${c.name}: default ${c.default} is not a ${r.type}: ${firstLine(err)}` });
      }
    }
    // every column the table will have (id, timestamps… too); a new enum does not exist yet: text stands in
    const row = draftTable(d, types).columns.map((c) => `NULL::${types.get(c.name)?.newEnum ? 'text' : c.type} AS ${quoteIdent(c.name)}`).join(', ');
    for (const c of d.columns.filter((x) => x.check)) {
      try {
        await s.query('SAVEPOINT tw_check');
        await s.query(`SELECT (${c.check})::boolean FROM (SELECT ${row || '1'}) AS t WHERE false`);
        await s.query('RELEASE SAVEPOINT tw_check');
      } catch (err) {
        await s.query('ROLLBACK TO SAVEPOINT tw_check');
        out.push({ step: 'columns', field: c.name, message: `${c.name}: check (${c.check}) does not work: ${firstLine(err)}` });
      }
    }
  } finally {
    await s.query('ROLLBACK');
  }
  return out;
}
