import type { Column, Index, Table } from '../introspect/types.js';
import { qname } from '../codegen/ddl/quote.js';
import { grantsOf, pairBy, same, without } from './compare.js';
import type { Change, ChangeKind, ChangePayloads, Risk } from './types.js';

export type Push = (c: Change) => void;

const colShape = (c: Column) => without(c, 'acl', 'inherited', 'identity', 'name', 'comment');
const identityShape = (c: Column) => c.identity && { ...c.identity, sequence: undefined };
/** Columns compared without grants (diffed apart) and the identity sequence's generated name. */
export const columnShape = (c: Column) => ({ ...colShape(c), identity: identityShape(c), comment: c.comment });
const COLUMN_KEYS = ['type', 'typeRef', 'arrayDims', 'notNull', 'notNullConstraint', 'default', 'generated', 'collation', 'compression', 'comment'] as const;
/** `columnShape` equality without building the shapes (the differ's hottest comparison). */
export function sameColumn(a: Column, b: Column): boolean {
  for (const k of COLUMN_KEYS) if (!same(a[k], b[k])) return false;
  if (!a.identity || !b.identity) return !a.identity && !b.identity;
  return a.identity.kind === b.identity.kind && same(a.identity.options, b.identity.options);
}
/** Indexes compared on their parts; the deparsed text repeats them and carries the name. */
export const indexShape = (i: Index) => without(i, 'definition', 'valid', 'ready', 'name', 'comment');

/** Objects kept by a table alongside its columns: constraints, indexes, triggers, policies. */
const PARTS = ['unique', 'check', 'exclusion', 'foreignKey', 'index', 'trigger', 'policy'] as const;
type Part = (typeof PARTS)[number];

function partsOf(t: Table, kind: Part): ChangePayloads[Part][] {
  switch (kind) {
    case 'unique': return t.uniques;
    case 'check': return t.checks.filter((c) => !c.inherited);
    case 'exclusion': return t.exclusions;
    case 'foreignKey': return t.foreignKeys;
    case 'index': return t.indexes.filter((i) => !i.constraint && !i.parent);
    case 'trigger': return t.triggers;
    case 'policy': return t.policies;
  }
}

/** What a part is compared on: everything but its name and comment (those two never need a rebuild). */
function shape(kind: ChangeKind, v: { name: string }): unknown {
  if (kind === 'index') return indexShape(v as Index);
  return without(v, 'name', 'comment', 'definition');
}

const dropRisk: Partial<Record<ChangeKind, Risk>> = { table: 'breaking', column: 'breaking', primaryKey: 'caution', unique: 'caution', foreignKey: 'caution' };

export function change<K extends ChangeKind>(kind: K, action: Change['action'], schema: string, table: string | undefined, name: string, from: ChangePayloads[K] | undefined, to: ChangePayloads[K] | undefined, extra: Partial<Change> = {}): Change {
  const where = table ? `${schema}.${table}.${name}` : `${schema}.${name}`;
  const label = kind.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`);
  const risk: Risk = extra.risk ?? (action === 'drop' ? dropRisk[kind] ?? 'safe' : action === 'rename' ? 'breaking' : 'safe');
  const summary = extra.summary ?? `${action} ${label} ${where}${action === 'rename' ? ` → ${extra.newName}` : ''}`;
  return { kind, action, schema, table, name, from, to, risk, summary, ...extra } as Change;
}

/**
 * The parts of a table that exists before and after. Parts that differ only in name are renames
 * (their content is identical, so this is no guess); parts whose content differs are rebuilt.
 */
export function diffTable(schema: string, a: Table, b: Table, pushAll: Push): void {
  const push: Push = a.kind === 'partitioned' ? (c) => pushAll({ ...c, partitioned: true }) : pushAll;
  if (!!a.partition?.parent !== !!b.partition?.parent || a.kind !== b.kind) {
    push(change('table', 'drop', schema, undefined, a.name, a, undefined));
    push(change('table', 'add', schema, undefined, b.name, undefined, b));
    return;
  }
  const tableProps = (t: Table) => ({ rls: t.rls, comment: t.comment, persistence: t.persistence, options: t.options, replicaIdentity: t.replicaIdentity });
  if (!same(tableProps(a), tableProps(b))) push(change('table', 'alter', schema, undefined, a.name, a, b, { summary: `alter table ${schema}.${a.name} (${changedProps(tableProps(a), tableProps(b))})` }));
  // a partition takes columns and keys from its parent: only its own parts are compared
  const partition = !!a.partition?.parent;
  if (!partition) {
    for (const [name, x, y] of pairBy(a.columns.filter((c) => !c.inherited), b.columns.filter((c) => !c.inherited), (c) => c.name)) {
      if (!x) push(change('column', 'add', schema, a.name, name, undefined, y, { risk: y!.notNull && y!.default === undefined && !y!.identity && !y!.generated ? 'breaking' : y!.identity || y!.generated?.kind === 'stored' ? 'caution' : 'safe' }));
      else if (!y) push(change('column', 'drop', schema, a.name, name, x, undefined));
      else if (!sameColumn(x, y)) {
        const typeChange = x.type !== y.type || x.collation !== y.collation;
        push(change('column', 'alter', schema, a.name, name, x, y, { risk: typeChange ? 'breaking' : x.notNull !== y.notNull || !same(x.generated, y.generated) ? 'caution' : 'safe', summary: `alter column ${schema}.${a.name}.${name} (${changedProps(columnShape(x), columnShape(y))})` }));
      }
    }
    diffPrimaryKey(schema, a, b, push);
  }
  for (const kind of PARTS) {
    if (partition && kind !== 'index' && kind !== 'trigger' && kind !== 'policy' && kind !== 'check') continue;
    diffParts(kind, schema, a.name, partsOf(a, kind), partsOf(b, kind), push);
  }
  diffAcl(`TABLE ${qname(schema, a.name)}`, schema, a.name, a.owner, a.acl, b.acl, push);
  for (const [name, x, y] of pairBy(a.columns, b.columns, (c) => c.name)) {
    if (x && y && !same(x.acl ?? [], y.acl ?? [])) diffAcl(`TABLE ${qname(schema, a.name)}`, schema, a.name, a.owner, x.acl ?? [], y.acl ?? [], push, name);
  }
}

function diffPrimaryKey(schema: string, a: Table, b: Table, push: Push): void {
  const x = a.primaryKey;
  const y = b.primaryKey;
  if (same(x, y)) return;
  if (x && y && same(without(x, 'name', 'comment'), without(y, 'name', 'comment'))) {
    if (x.name !== y.name) push(change('primaryKey', 'rename', schema, a.name, x.name, x, y, { newName: y.name, risk: 'safe' }));
    if (x.comment !== y.comment) push(change('primaryKey', 'alter', schema, a.name, y.name, { ...x, name: y.name }, y));
    return;
  }
  if (x) push(change('primaryKey', 'drop', schema, a.name, x.name, x, undefined));
  if (y) push(change('primaryKey', 'add', schema, a.name, y.name, undefined, y, { risk: 'caution' }));
}

function diffParts<K extends Part>(kind: K, schema: string, table: string, from: ChangePayloads[K][], to: ChangePayloads[K][], push: Push): void {
  const dropped: ChangePayloads[K][] = [];
  const added: ChangePayloads[K][] = [];
  for (const [, x, y] of pairBy(from, to, (p) => p.name)) {
    if (!x) added.push(y!);
    else if (!y) dropped.push(x);
    else if (!same(x, y)) {
      // the same name with other content is rebuilt (drop + add); a comment alone is altered
      if (same(shape(kind, x), shape(kind, y))) push(change(kind, 'alter', schema, table, x.name, x, y));
      else {
        push(change(kind, 'drop', schema, table, x.name, x, undefined, { risk: kind === 'foreignKey' || kind === 'unique' ? 'caution' : 'safe' }));
        push(change(kind, 'add', schema, table, y.name, undefined, y, { risk: 'caution', summary: `change ${kind.replace(/[A-Z]/g, (m) => ` ${m.toLowerCase()}`)} ${schema}.${table}.${y.name} (${changedProps(shape(kind, x) as object, shape(kind, y) as object)})` }));
      }
    }
  }
  for (const x of dropped) {
    const i = added.findIndex((y) => kind !== 'trigger' && kind !== 'policy' && same(shape(kind, x), shape(kind, y)));
    if (i >= 0) {
      const y = added.splice(i, 1)[0]!;
      push(change(kind, 'rename', schema, table, x.name, x, y, { newName: y.name, risk: 'safe' }));
      if (x.comment !== y.comment) push(change(kind, 'alter', schema, table, y.name, { ...x, name: y.name }, y));
    } else push(change(kind, 'drop', schema, table, x.name, x, undefined));
  }
  for (const y of added) push(change(kind, 'add', schema, table, y.name, undefined, y, { risk: kind === 'trigger' || kind === 'policy' ? 'safe' : 'caution' }));
}

/** Grants that differ on one object (or column). */
export function diffAcl(on: string, schema: string, name: string, owner: string, from: ChangePayloads['acl']['acl'], to: ChangePayloads['acl']['acl'], push: Push, column?: string): void {
  if (same(grantsOf(from, owner), grantsOf(to, owner))) return;
  push(change('acl', 'alter', schema, undefined, column ? `${name}.${column}` : name, { on, owner, acl: from, column }, { on, owner, acl: to, column }, { summary: `change grants on ${schema}.${name}${column ? `.${column}` : ''}` }));
}

/** The names of the members that differ, for summaries. */
export function changedProps(a: object, b: object): string {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])).join(', ');
}
