import type { EnumType, Schema, SchemaSnapshot, UserType, View } from '../introspect/types.js';
import { ident, qname } from '../codegen/ddl/quote.js';
import { entries, pairBy, same, without } from './compare.js';
import { change, changedProps, diffAcl, diffTable, type Push } from './diff-table.js';
import { applyRenames, findRenameCandidates } from './renames.js';
import { enumUses, viewsToRebuild } from './dependents.js';
import type { Change, DiffResult, RenameSpec } from './types.js';

/** Objects an extension owns are the extension's business: CREATE EXTENSION brings them. */
function extensionMembers(s: SchemaSnapshot): Set<string> {
  return new Set(s.extensions.flatMap((e) => e.members));
}

/**
 * Snapshot × snapshot → the changes that turn `from` into `to`, keyed by names. Renames are only
 * made when `opts.renames` confirms them; look-alike drop + add pairs come back as candidates.
 */
export function diffSnapshots(fromIn: SchemaSnapshot, to: SchemaSnapshot, opts: { renames?: RenameSpec[] } = {}): DiffResult {
  const changes: Change[] = [];
  const push: Push = (c) => changes.push(c);
  const from = applyRenames(fromIn, to, opts.renames ?? [], push);
  const renameCandidates = findRenameCandidates(from, to);
  const members = new Set([...extensionMembers(from), ...extensionMembers(to)]);
  const mine = <T extends { extension?: string }>(schema: string, key: string, x: T | undefined) => !!x && !x.extension && !members.has(`${schema}.${key}`);

  for (const [name, x, y] of pairBy(from.extensions, to.extensions, (e) => e.name)) {
    if (!x) push(change('extension', 'add', y!.schema, undefined, name, undefined, y));
    else if (!y) push(change('extension', 'drop', x.schema, undefined, name, x, undefined, { risk: 'breaking' }));
    else if (!same(without(x, 'members'), without(y, 'members'))) push(change('extension', 'alter', y.schema, undefined, name, x, y));
  }
  for (const [sn, xs, ys] of pairBy(entries(from.schemas), entries(to.schemas), (s) => s.name)) {
    const empty: Schema = { name: sn, owner: '', acl: [], tables: {}, views: {}, materializedViews: {}, sequences: {}, types: {}, functions: {} };
    const a = xs ?? empty;
    const b = ys ?? empty;
    if (!xs) push(change('schema', 'add', sn, undefined, sn, undefined, ys));
    else if (!ys) push(change('schema', 'drop', sn, undefined, sn, xs, undefined, { risk: 'breaking' }));
    else {
      if (xs.comment !== ys.comment) push(change('schema', 'alter', sn, undefined, sn, xs, ys));
      diffAcl(`SCHEMA ${ident(sn)}`, sn, sn, xs.owner, xs.acl, ys.acl, push);
    }
    for (const [n, x, y] of pairBy(entries(a.types), entries(b.types), (t) => t.name)) {
      const xm = mine(sn, n, x) ? x : undefined;
      const ym = mine(sn, n, y) ? y : undefined;
      if (!xm && !ym) continue;
      diffType(sn, xm, ym, to, push);
      if (xm && ym) diffAcl(`TYPE ${qname(sn, n)}`, sn, n, xm.owner, xm.acl, ym.acl, push);
    }
    for (const [n, x, y] of pairBy(entries(a.sequences), entries(b.sequences), (s) => s.name)) {
      // identity sequences belong to their column
      const xm = mine(sn, n, x) && x!.ownedBy?.kind !== 'identity' ? x : undefined;
      const ym = mine(sn, n, y) && y!.ownedBy?.kind !== 'identity' ? y : undefined;
      if (!xm && !ym) continue;
      if (!xm) push(change('sequence', 'add', sn, undefined, n, undefined, ym));
      else if (!ym) push(change('sequence', 'drop', sn, undefined, n, xm, undefined, { risk: 'caution' }));
      else {
        if (!same(without(xm, 'owner', 'acl'), without(ym, 'owner', 'acl'))) push(change('sequence', 'alter', sn, undefined, n, xm, ym, { summary: `alter sequence ${sn}.${n} (${changedProps(without(xm, 'owner', 'acl'), without(ym, 'owner', 'acl'))})` }));
        diffAcl(`SEQUENCE ${qname(sn, n)}`, sn, n, xm.owner, xm.acl, ym.acl, push);
      }
    }
    for (const [n, x, y] of pairBy(entries(a.functions), entries(b.functions), (f) => `${f.name}(${f.identityArgs})`)) {
      const xm = mine(sn, x?.name ?? '', x) ? x : undefined;
      const ym = mine(sn, y?.name ?? '', y) ? y : undefined;
      if (!xm && !ym) continue;
      const body = (f: NonNullable<typeof x>) => without(f, 'owner', 'acl', ...(xm?.definition && ym?.definition ? [] : ['definition']));
      if (!xm) push(change('function', 'add', sn, undefined, n, undefined, ym));
      else if (!ym) push(change('function', 'drop', sn, undefined, n, xm, undefined, { risk: 'breaking' }));
      else {
        if (!same(body(xm), body(ym))) push(change('function', 'alter', sn, undefined, n, xm, ym));
        diffAcl(`FUNCTION ${qname(sn, xm.name)}(${xm.identityArgs})`, sn, n, xm.owner, xm.acl, ym.acl, push);
      }
    }
    for (const [n, x, y] of pairBy(entries(a.tables), entries(b.tables), (t) => t.name)) {
      const xm = mine(sn, n, x) ? x : undefined;
      const ym = mine(sn, n, y) ? y : undefined;
      if (!xm && !ym) continue;
      if (!xm) addTable(sn, ym!, push);
      else if (!ym) dropTable(sn, xm, push);
      else diffTable(sn, xm, ym, push);
    }
    for (const kind of ['view', 'materializedView'] as const) {
      const list = (s: Schema): View[] => entries(kind === 'view' ? s.views : s.materializedViews);
      for (const [n, x, y] of pairBy(list(a), list(b), (v) => v.name)) {
        const xm = mine(sn, n, x) ? x : undefined;
        const ym = mine(sn, n, y) ? y : undefined;
        if (!xm && !ym) continue;
        if (!xm) push(change(kind, 'add', sn, undefined, n, undefined, ym));
        else if (!ym) push(change(kind, 'drop', sn, undefined, n, xm, undefined, { risk: 'breaking' }));
        else {
          if (!same(viewShape(xm), viewShape(ym))) push(change(kind, 'alter', sn, undefined, n, xm, ym, { risk: 'caution', rebuild: true, summary: `replace ${kind === 'view' ? 'view' : 'materialized view'} ${sn}.${n} (${changedProps(viewShape(xm), viewShape(ym))})` }));
          else if (xm.comment !== ym.comment) push(change(kind, 'alter', sn, undefined, n, xm, ym, { summary: `comment on ${sn}.${n}` }));
          diffAcl(`TABLE ${qname(sn, n)}`, sn, n, xm.owner, xm.acl, ym.acl, push);
        }
      }
    }
  }
  viewsToRebuild(from, to, changes);
  attachPartitionIndexes(to, changes);
  return { changes, renameCandidates };
}

/** An index added to a partitioned table is built per partition: the planner needs those indexes. */
function attachPartitionIndexes(to: SchemaSnapshot, changes: Change[]): void {
  for (const c of changes) {
    if (c.kind !== 'index' || c.action !== 'add' || !c.partitioned) continue;
    const parent = `${c.schema}.${c.name}`;
    c.partitionIndexes = entries(to.schemas).flatMap((s) => entries(s.tables).flatMap((t) => t.indexes.filter((i) => i.parent === parent).map((index) => ({ table: `${s.name}.${t.name}`, index }))));
  }
}

/** What a view is rebuilt for; comments, grants and triggers are changed in place. */
export const viewShape = (v: View) => without(v, 'comment', 'acl', 'owner', 'triggers', 'populated', 'dependsOn', 'indexes');

function diffType(sn: string, x: UserType | undefined, y: UserType | undefined, to: SchemaSnapshot, push: Push): void {
  if (!x) { push(change('type', 'add', sn, undefined, y!.name, undefined, y)); return; }
  if (!y) { push(change('type', 'drop', sn, undefined, x.name, x, undefined, { risk: 'breaking' })); return; }
  const rest = (t: UserType) => without(t, 'owner', 'acl', 'labels');
  if (x.kind === 'enum' && y.kind === 'enum' && !same(x.labels, y.labels)) {
    const onlyAdded = labelsOnlyAdded(x.labels, y.labels);
    push(change('enumLabels', 'alter', sn, undefined, x.name, { labels: x.labels, usedBy: enumUses(to, sn, x as EnumType) }, { labels: y.labels, usedBy: enumUses(to, sn, y as EnumType) }, {
      risk: onlyAdded ? 'safe' : 'breaking', summary: enumSummary(sn, x.name, x.labels, y.labels),
    }));
  }
  if (!same(rest(x), rest(y))) push(change('type', 'alter', sn, undefined, x.name, x, y, { risk: x.kind === 'domain' && y.kind === 'domain' ? 'caution' : 'breaking', summary: `alter type ${sn}.${x.name} (${changedProps(rest(x), rest(y))})` }));
}

/** Labels only added (in any place), the existing ones kept in order: ADD VALUE can do it. */
export const labelsOnlyAdded = (a: string[], b: string[]): boolean => a.every((l) => b.includes(l)) && same(b.filter((l) => a.includes(l)), a);

export function enumSummary(schema: string, name: string, a: string[], b: string[]): string {
  const diff = [...b.filter((l) => !a.includes(l)).map((l) => `+${l}`), ...a.filter((l) => !b.includes(l)).map((l) => `-${l}`)].join(', ') || 'reordered';
  return `${labelsOnlyAdded(a, b) ? 'add' : 'recreate'} enum ${schema}.${name} labels (${diff})`;
}

/** A new table is one change; its foreign keys, triggers, policies and grants come after every table exists. */
function addTable(sn: string, t: NonNullable<SchemaSnapshot['schemas'][string]['tables'][string]>, push: Push): void {
  push(change('table', 'add', sn, undefined, t.name, undefined, t));
  for (const f of t.foreignKeys) push(change('foreignKey', 'add', sn, t.name, f.name, undefined, f, { onNewTable: true }));
  for (const tr of t.triggers) push(change('trigger', 'add', sn, t.name, tr.name, undefined, tr, { onNewTable: true }));
  for (const p of t.policies) push(change('policy', 'add', sn, t.name, p.name, undefined, p, { onNewTable: true }));
  diffAcl(`TABLE ${qname(sn, t.name)}`, sn, t.name, t.owner, [], t.acl, push);
}

/** Foreign keys of a dropped table go first, so tables that reference each other can be dropped. */
function dropTable(sn: string, t: NonNullable<SchemaSnapshot['schemas'][string]['tables'][string]>, push: Push): void {
  for (const f of t.foreignKeys) push(change('foreignKey', 'drop', sn, t.name, f.name, f, undefined, { onNewTable: true }));
  push(change('table', 'drop', sn, undefined, t.name, t, undefined));
}
