/** Build steps for relations: columns, tables, views, materialized views and sequences. */
import { parseAcl } from './acl.js';
import { b, buildColumn, n, opt, options, s, type BuildContext, type ClassInfo } from './build-context.js';
import type { Sequence, SequenceOptions, Table, View } from './types.js';

/** Columns in attnum order, with their defaults, onto each relation. */
export function addColumns(ctx: BuildContext): void {
  const { R, classes, colType, collName, comment } = ctx;
  // columns: attributes arrive ordered by (attrelid, attnum)
  for (const r of R('defaults')) {
    const cls = classes.get(n(r[0]));
    if (cls && r[2] !== null) cls.defs[n(r[1])] = s(r[2]);
  }
  let last: ClassInfo | undefined;
  for (const a of R('attributes')) {
    // rows come grouped by relation: look the class up once per group
    const rel = n(a[0]);
    const cls = last?.oid === rel ? last : (last = classes.get(rel));
    if (!cls) continue;
    const col = buildColumn(a, rel, colType, cls.defs, collName, comment);
    const num = n(a[1]);
    cls.columns.push(col);
    cls.byNum[num] = col;
    cls.attcoll[num] = n(a[9]);
  }
}

/** Tables (ordinary, partitioned, foreign), views and materialized views. */
export function addRelations(ctx: BuildContext): void {
  const { R, classes, schemas, comment, extOfObject, tables, views } = ctx;
  const foreign = new Map<number, { server: string; options: Record<string, string> }>();
  for (const [rel, srv, o] of R('foreign_tables')) foreign.set(n(rel), { server: s(srv), options: options(o) });
  const parents = new Map<number, string[]>();
  for (const [rel, nsp, name] of R('inherits')) {
    (parents.get(n(rel)) ?? parents.set(n(rel), []).get(n(rel))!).push(`${s(nsp)}.${s(name)}`);
  }

  for (const cls of classes.values()) {
    const r = cls.row;
    const sch = schemas[cls.schema]!;
    const ext = extOfObject('pg_class', cls.oid);
    const acl = parseAcl(r[13] as string[]);
    const cmt = comment('pg_class', cls.oid);
    if (cls.kind === 'r' || cls.kind === 'p' || cls.kind === 'f') {
      const t: Table = {
        name: cls.name, kind: cls.kind === 'r' ? 'table' : cls.kind === 'p' ? 'partitioned' : 'foreign',
        persistence: r[4] === 'u' ? 'unlogged' : r[4] === 't' ? 'temp' : 'permanent',
        columns: cls.columns, uniques: [], foreignKeys: [], checks: [], exclusions: [], indexes: [], triggers: [], policies: [],
        rls: { enabled: b(r[7]), forced: b(r[8]) }, inherits: [], options: options(r[6]), owner: s(r[5]), acl,
      };
      const isPartition = b(r[9]);
      const par = parents.get(cls.oid) ?? [];
      if (cls.kind === 'p' || isPartition) {
        t.partition = {};
        if (cls.kind === 'p' && r[16]) t.partition.key = s(r[16]);
        if (isPartition) { t.partition.parent = par[0]; if (r[15]) t.partition.bound = s(r[15]); }
      }
      if (!isPartition) t.inherits = par;
      const am = opt(r[12]);
      if (am && am !== 'heap') t.accessMethod = am;
      if (r[17]) t.tablespace = s(r[17]);
      const ri = { n: 'nothing', f: 'full', i: 'index' }[s(r[10])] as Table['replicaIdentity'];
      // foreign tables always carry 'n'; it is not a setting there
      if (ri && cls.kind !== 'f') t.replicaIdentity = ri;
      if (r[11]) t.ofType = s(r[11]);
      const f = foreign.get(cls.oid);
      if (f) t.foreign = f;
      if (cmt !== undefined) t.comment = cmt;
      if (ext) t.extension = ext;
      sch.tables[t.name] = t;
      tables.set(cls.oid, t);
      cls.target = t;
    } else if (cls.kind === 'v' || cls.kind === 'm') {
      const v: View = { name: cls.name, columns: cls.columns, dependsOn: [], options: options(r[6]), indexes: [], triggers: [], owner: s(r[5]), acl };
      if (cls.kind === 'm') v.populated = b(r[14]);
      if (cmt !== undefined) v.comment = cmt;
      if (ext) v.extension = ext;
      (cls.kind === 'v' ? sch.views : sch.materializedViews)[v.name] = v;
      views.set(cls.oid, v);
      cls.target = v;
    }
  }
}

/** Sequences, their owners, and the identity options of the columns they serve. */
export function addSequences(ctx: BuildContext): void {
  const { R, classes, schemas, comment, extOfObject, sequences } = ctx;
  // sequences and their owners
  const seqOpts = new Map<number, SequenceOptions>();
  for (const [rel, type, start, inc, max, min, cache, cycle] of R('sequences')) {
    seqOpts.set(n(rel), { type: s(type), start: String(start), increment: String(inc), min: String(min), max: String(max), cache: String(cache), cycle: b(cycle) });
  }
  const owners = new Map<number, Sequence['ownedBy']>();
  for (const [seq, rel, attnum, deptype, nsp, relname, column] of R('sequence_owners')) {
    const cls = classes.get(n(rel));
    // the owning table may be in a schema that was not selected; the row names its column anyway
    owners.set(n(seq), { table: `${s(nsp)}.${s(relname)}`, column: s(column), kind: deptype === 'i' ? 'identity' : 'serial' });
    if (deptype === 'i') {
      const col = cls?.byNum[n(attnum)];
      const seqCls = classes.get(n(seq));
      const o = seqOpts.get(n(seq));
      if (col?.identity && seqCls) {
        col.identity.sequence = `${seqCls.schema}.${seqCls.name}`;
        if (o) col.identity.options = o;
      }
    }
  }
  for (const cls of classes.values()) {
    if (cls.kind !== 'S') continue;
    const o = seqOpts.get(cls.oid) ?? { type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false };
    const q: Sequence = { name: cls.name, ...o, owner: s(cls.row[5]), acl: parseAcl(cls.row[13] as string[]) };
    const ob = owners.get(cls.oid);
    if (ob) q.ownedBy = ob;
    const cmt = comment('pg_class', cls.oid);
    if (cmt !== undefined) q.comment = cmt;
    const ext = extOfObject('pg_class', cls.oid);
    if (ext) q.extension = ext;
    schemas[cls.schema]!.sequences[q.name] = q;
    sequences.set(cls.oid, q);
  }
}
