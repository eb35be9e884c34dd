import { parseFields, parseIndex, type DraftColumn, type DraftForeignKey, type TableDraft } from '../../core/design/index.js';
import { UserError } from '../../core/errors.js';

/** A column as `--fields` text, so editing it starts from what it is. */
export function columnSpec(c: DraftColumn, fk: DraftForeignKey | undefined): string {
  const type = c.enumLabels ? `enum(${c.enumLabels.join('|')})` : c.type || (fk ? `fk(${fk.table}${fk.refColumn ? `.${fk.refColumn}` : ''}, ${fk.onDelete.toLowerCase()})` : 'text');
  const mods = [
    c.type && fk ? `fk(${fk.table}${fk.refColumn ? `.${fk.refColumn}` : ''}, ${fk.onDelete.toLowerCase()})` : '',
    c.unique ? 'unique' : '', c.nullable ? 'null' : '', c.check ? `check(${c.check})` : '', c.comment ? `comment(${c.comment})` : '',
  ].filter(Boolean);
  return `${c.name}:${type}${mods.map((m) => `:${m}`).join('')}${c.default !== undefined ? `=${c.default}` : ''}`;
}

/** New columns from `--fields` text; a column named like an existing one replaces nothing (validation says so). */
export function addColumns(d: TableDraft, text: string): TableDraft {
  const f = parseFields(text);
  if (!f.columns.length) throw new UserError('type a column as name:type, e.g. email:str:unique or price:numeric(12,2)');
  return { ...d, columns: [...d.columns, ...f.columns], foreignKeys: [...d.foreignKeys, ...f.foreignKeys], indexes: [...d.indexes, ...f.indexes.map((columns) => ({ columns, unique: false }))] };
}

/** Replaces one column (and its foreign key) by the edited `--fields` text, in place. */
export function replaceColumn(d: TableDraft, old: string, text: string): TableDraft {
  const f = parseFields(text);
  if (f.columns.length !== 1) throw new UserError('one column here: name:type[:modifiers][=default]');
  const c = f.columns[0]!;
  const rename = (n: string) => (n === old ? c.name : n);
  return {
    ...d,
    columns: d.columns.map((x) => (x.name === old ? c : x)),
    foreignKeys: [...d.foreignKeys.filter((x) => x.column !== old), ...f.foreignKeys.map((fk) => ({ ...fk, index: d.foreignKeys.find((x) => x.column === old)?.index ?? true }))],
    indexes: d.indexes.map((i) => ({ ...i, columns: i.columns.map(rename) })),
    pkColumns: d.pkColumns.map(rename),
  };
}

/** `org_id fk(orgs)` or `org_id:fk(orgs, cascade)`: a relation, adding the column when it is new. */
export function addForeignKey(d: TableDraft, text: string): TableDraft {
  const spec = text.trim().replace(/^(\w+)\s+(?=fk\()/i, '$1:');
  const f = parseFields(spec.includes('fk(') ? spec : `${spec.split(/[\s:]+/)[0]}:fk(${spec.split(/[\s:]+/).slice(1).join(' ')})`);
  const fk = f.foreignKeys[0];
  if (!fk || f.columns.length !== 1) throw new UserError('type the column and the table it references, e.g. category_id fk(categories) or org_id fk(orgs, cascade)');
  const exists = d.columns.some((c) => c.name === fk.column);
  return {
    ...d,
    columns: exists ? d.columns : [...d.columns, f.columns[0]!],
    foreignKeys: [...d.foreignKeys.filter((x) => x.column !== fk.column), fk],
  };
}

/** One more index, typed as `a,b`, `email unique` or `status where deleted_at is null`. */
export function addIndex(d: TableDraft, text: string): TableDraft {
  return { ...d, indexes: [...d.indexes, parseIndex(text)] };
}

/** Drops a column and everything that names it. */
export function removeColumn(d: TableDraft, name: string): TableDraft {
  return {
    ...d,
    columns: d.columns.filter((c) => c.name !== name),
    foreignKeys: d.foreignKeys.filter((f) => f.column !== name),
    indexes: d.indexes.filter((i) => !i.columns.includes(name)),
    pkColumns: d.pkColumns.filter((c) => c !== name),
  };
}
