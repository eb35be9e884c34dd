import { UserError } from '../errors.js';
import type { FkAction } from '../introspect/types.js';
import { newColumn, type DraftColumn, type DraftForeignKey, type DraftIndex, type TableDraft } from './draft.js';

/** Splits at `sep` outside parentheses and quotes: `numeric(12,2)` and `'a,b'` stay whole. */
export function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (const ch of text) {
    if (ch === "'") quote = !quote;
    else if (!quote && ch === '(') depth++;
    else if (!quote && ch === ')') depth--;
    if (ch === sep && depth === 0 && !quote) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

const ON_DELETE: Record<string, FkAction> = { cascade: 'CASCADE', restrict: 'RESTRICT', 'set null': 'SET NULL', setnull: 'SET NULL', 'no action': 'NO ACTION', 'set default': 'SET DEFAULT' };

export function onDeleteAction(word: string): FkAction {
  const a = ON_DELETE[word.trim().toLowerCase().replace(/_/g, ' ')];
  if (!a) throw new UserError(`ON DELETE "${word}": use cascade, restrict, set null or no action`);
  return a;
}

/** `fk(orgs)`, `fk(public.orgs.id)`, `fk(orgs, cascade)` → the referenced table, column and action. */
function parseFk(arg: string, column: string): DraftForeignKey {
  const [target = '', action] = arg.split(',').map((s) => s.trim());
  const parts = target.split('.');
  if (!target || parts.length > 3 || parts.some((p) => !p)) throw new UserError(`${column}: fk(${arg}) needs a table, e.g. fk(orgs) or fk(public.orgs.id)`);
  // two parts are schema.table unless the second is a column of a one-part table: resolved later against the snapshot
  const [schema, table, refColumn] = parts.length === 3 ? parts : parts.length === 2 ? [parts[0]!, parts[1]!, ''] : ['', parts[0]!, ''];
  return { column, table: schema ? `${schema}.${table}` : table!, refColumn: refColumn ?? '', onDelete: action ? onDeleteAction(action) : 'RESTRICT', index: true };
}

/**
 * The `--fields` grammar: `name:type[:modifier…][=default]`, comma-separated. Types are the seed's
 * aliases (str, int, float, bool, datetime, text, uuid, jsonb) or any PostgreSQL type; `fk(table)` as
 * the type takes the referenced key's type. Modifiers: unique, null (nullable), index, fk(…),
 * check(expr), enum(a|b|c), comment(text).
 */
export function parseFields(spec: string): { columns: DraftColumn[]; foreignKeys: DraftForeignKey[]; indexes: string[][] } {
  const columns: DraftColumn[] = [];
  const foreignKeys: DraftForeignKey[] = [];
  const indexes: string[][] = [];
  for (const raw of splitTop(spec, ',').map((s) => s.trim()).filter(Boolean)) {
    const eq = splitTop(raw, '=');
    const left = eq[0]!;
    const def = eq.length > 1 ? eq.slice(1).join('=').trim() : undefined;
    const [name = '', type = '', ...mods] = splitTop(left, ':').map((s) => s.trim());
    if (!name) throw new UserError(`--fields "${raw}": a field needs a name, e.g. email:str`);
    let nullable = false;
    let baseType = type;
    if (baseType.endsWith('?')) { nullable = true; baseType = baseType.slice(0, -1); }
    const col = newColumn(name, baseType || 'text');
    col.nullable = nullable;
    if (def !== undefined) {
      if (!def) throw new UserError(`--fields "${raw}": nothing after "="; give a default such as =true or ='draft'`);
      col.default = def;
    }
    const fkType = /^fk\((.*)\)$/i.exec(baseType);
    if (fkType) { foreignKeys.push(parseFk(fkType[1]!, name)); col.type = ''; }
    const enumType = /^enum\((.*)\)$/i.exec(baseType);
    if (enumType) { col.enumLabels = enumType[1]!.split('|').map((s) => s.trim()).filter(Boolean); col.type = ''; }
    for (const m of mods) {
      const call = /^(\w+)\((.*)\)$/s.exec(m);
      const word = (call ? call[1]! : m).toLowerCase();
      if (word === 'unique') col.unique = true;
      else if (word === 'null' || word === 'nullable' || word === 'optional') col.nullable = true;
      else if (word === 'notnull' || word === 'required') col.nullable = false;
      else if (word === 'index') indexes.push([name]);
      else if (word === 'fk' && call) foreignKeys.push(parseFk(call[2]!, name));
      else if (word === 'check' && call) col.check = call[2]!.trim();
      else if (word === 'comment' && call) col.comment = call[2]!.trim();
      else if (word === 'enum' && call) { col.enumLabels = call[2]!.split('|').map((s) => s.trim()).filter(Boolean); col.type = ''; }
      else throw new UserError(`--fields "${raw}": unknown modifier "${m}"; use unique, null, index, fk(table), check(expr), enum(a|b) or comment(text)`);
    }
    columns.push(col);
  }
  return { columns, foreignKeys, indexes };
}

/** Puts parsed fields into a draft (the CLI's path; the wizard edits the draft directly). */
export function applyFields(d: TableDraft, spec: string): TableDraft {
  const f = parseFields(spec);
  return {
    ...d,
    columns: [...d.columns, ...f.columns],
    foreignKeys: [...d.foreignKeys, ...f.foreignKeys],
    indexes: [...d.indexes, ...f.indexes.map((columns) => ({ columns, unique: false }))],
  };
}

/** `a,b` or `a+b`, `email unique`, `status where deleted_at is null`: one index. */
export function parseIndex(text: string): DraftIndex {
  const m = /^\s*([^\s,+]+(?:\s*[,+]\s*[^\s,+]+)*)\s*(unique)?\s*(?:where\s+(.+))?$/i.exec(text);
  if (!m) throw new UserError(`index "${text}": give its columns, e.g. status+created_at, email unique or status where deleted_at is null`);
  return { columns: m[1]!.split(/[,+]/).map((x) => x.trim()).filter(Boolean), unique: !!m[2], ...(m[3] ? { where: m[3].trim() } : {}) };
}
