/** Build steps for indexes and constraints (PK, UNIQUE, FK, CHECK, EXCLUDE, PG18 NOT NULL). */
import { attname, b, FK_ACTIONS, ints, MATCH, n, options, s, type BuildContext, type ClassInfo } from './build-context.js';
import { splitTopLevel } from './split.js';
import type { Check, Index, Table } from './types.js';

/** Indexes, before the constraints that link to them. */
export function addIndexes(ctx: BuildContext): void {
  const { R, classes, opclass, collName, comment, indexByOid } = ctx;
  // indexes (before constraints, which link to them)
  for (const r of R('indexes')) {
    // indexed reads: destructuring goes through the array iterator, which is slow on 30k-row loops
    const oid = r[0], rel = r[1], name = r[2], method = r[3], natts = r[4], nkey = r[5], uniq = r[6], prim = r[7], excl = r[8], valid = r[10], ready = r[11], nnd = r[12], indkey = r[13], indoption = r[14], indclass = r[15], indcoll = r[16], exprs = r[17], pred = r[18], relopts = r[19], spc = r[20];
    const owner = classes.get(n(rel));
    if (!owner) continue;
    const keyCount = n(nkey);
    const exprList = exprs ? splitTopLevel(s(exprs)) : [];
    const keyNums = ints(indkey);
    const optionBits = ints(indoption);
    const opclassOids = ints(indclass);
    const colls = ints(indcoll);
    const idx: Index = {
      name: s(name), method: s(method), unique: b(uniq), primary: b(prim), exclusion: b(excl), keys: [], include: [],
      nullsNotDistinct: b(nnd), valid: b(valid), ready: b(ready), options: options(relopts),
    };
    let e = 0;
    for (let k = 0; k < n(natts); k++) {
      const attnum = keyNums[k] ?? 0;
      const colName = attnum === 0 ? undefined : attname(owner, attnum);
      if (k >= keyCount) { if (colName) idx.include.push(colName); continue; }
      const bits = optionBits[k] ?? 0;
      const key: Index['keys'][number] = { desc: (bits & 1) !== 0, nullsFirst: (bits & 2) !== 0 };
      if (colName) key.column = colName;
      else key.expression = exprList[e++] ?? '';
      const oc = opclass.get(opclassOids[k] ?? 0);
      if (oc && !oc.isDefault) key.opclass = oc.name;
      const kc = colls[k] ?? 0;
      const colColl = attnum === 0 ? 0 : owner.attcoll[attnum] ?? 0;
      if (kc !== 0 && kc !== colColl && (attnum !== 0 || kc !== 100)) key.collation = collName.get(kc);
      idx.keys.push(key);
    }
    if (pred) idx.predicate = s(pred);
    if (spc) idx.tablespace = s(spc);
    const cmt = comment('pg_class', n(oid));
    if (cmt !== undefined) idx.comment = cmt;
    const t = owner.target;
    if (t && 'indexes' in t) t.indexes.push(idx);
    indexByOid.set(n(oid), idx);
  }
  const idxParents = new Map<number, string>();
  for (const [rel, nsp, name] of R('inherits')) idxParents.set(n(rel), `${s(nsp)}.${s(name)}`);
  for (const [oid, idx] of indexByOid) {
    const p = idxParents.get(oid);
    if (p) idx.parent = p;
  }
}

/** Constraints of tables and domains. */
export function addConstraints(ctx: BuildContext): void {
  const { R, classes, comment, typeByOid, indexByOid } = ctx;
  // constraints
  const classByName = new Map<string, ClassInfo>();
  for (const c of classes.values()) classByName.set(`${c.schema}.${c.name}`, c);
  for (const r of R('constraints')) {
    // indexed reads: destructuring goes through the array iterator, which is slow on 30k-row loops
    const oid = r[0], name = r[1], contype = r[2], conrelid = r[3], contypid = r[4], conindid = r[5], conkey = r[6], confkey = r[7], fnsp = r[8], frel = r[9], upd = r[10], del = r[11], match = r[12], deferrable = r[13], deferred = r[14], validated = r[15], islocal = r[16], noinherit = r[17], delsetcols = r[18], enforced = r[19], period = r[20], expr = r[21], parentid = r[22], remoteCols = r[23];
    const cmt = comment('pg_constraint', n(oid));
    if (n(contypid) !== 0) {
      const dom = typeByOid.get(n(contypid));
      if (dom?.kind === 'domain' && contype === 'c') {
        const ch: Check = { name: s(name), expression: s(expr), validated: b(validated), noInherit: b(noinherit), enforced: b(enforced) };
        if (cmt !== undefined) ch.comment = cmt;
        dom.checks.push(ch);
      }
      continue;
    }
    const cls = classes.get(n(conrelid));
    const t = cls?.target;
    if (!cls || !t || !('foreignKeys' in t)) continue;
    const cols = ints(conkey).map((k) => attname(cls, k));
    const base = { name: s(name), columns: cols, deferrable: b(deferrable), initiallyDeferred: b(deferred) };
    if (contype === 'p') {
      t.primaryKey = { ...base, ...(b(period) ? { period: true } : {}), ...(cmt !== undefined ? { comment: cmt } : {}) };
    } else if (contype === 'u') {
      const idx = indexByOid.get(n(conindid));
      t.uniques.push({ ...base, nullsNotDistinct: idx?.nullsNotDistinct ?? false, ...(b(period) ? { period: true } : {}), ...(cmt !== undefined ? { comment: cmt } : {}) });
    } else if (contype === 'f') {
      // FKs cloned onto partitions from their partitioned parent are the parent's, not new ones
      if (n(parentid) !== 0) continue;
      const refTable = `${s(fnsp)}.${s(frel)}`;
      const refInfo = classByName.get(refTable);
      const refCols = remoteCols
        ? (remoteCols as string[])
        : ints(confkey).map((k) => attname(refInfo, k));
      const fk: Table['foreignKeys'][number] = {
        name: base.name, columns: cols, references: { table: refTable, columns: refCols },
        onUpdate: FK_ACTIONS[s(upd)] ?? 'NO ACTION', onDelete: FK_ACTIONS[s(del)] ?? 'NO ACTION',
        match: MATCH[s(match)] ?? 'SIMPLE', deferrable: base.deferrable, initiallyDeferred: base.initiallyDeferred,
        validated: b(validated), enforced: b(enforced),
      };
      const setCols = ints(delsetcols);
      if (setCols.length) fk.onDeleteSetColumns = setCols.map((k) => attname(cls, k));
      if (b(period)) fk.period = true;
      if (cmt !== undefined) fk.comment = cmt;
      t.foreignKeys.push(fk);
    } else if (contype === 'c') {
      const ch: Check = { name: s(name), expression: s(expr), validated: b(validated), noInherit: b(noinherit), enforced: b(enforced) };
      if (!b(islocal)) ch.inherited = true;
      if (cmt !== undefined) ch.comment = cmt;
      t.checks.push(ch);
    } else if (contype === 'x') {
      const idx = indexByOid.get(n(conindid));
      const x: Table['exclusions'][number] = { name: s(name), definition: s(expr), index: idx?.name ?? '', deferrable: b(deferrable), initiallyDeferred: b(deferred) };
      if (cmt !== undefined) x.comment = cmt;
      t.exclusions.push(x);
    } else if (contype === 'n') {
      // PG18 keeps NOT NULL as a constraint; only a non-default one is worth recording (design §4)
      const col = cls.byNum[ints(conkey)[0] ?? 0];
      const implicit = `${cls.name}_${col?.name}_not_null`;
      // an inherited one carries its parent's name; the parent records it
      if (col && b(islocal) && (s(name) !== implicit || !b(validated) || b(noinherit))) {
        col.notNullConstraint = { name: s(name), validated: b(validated), noInherit: b(noinherit) };
      }
    }
    if ((contype === 'p' || contype === 'u' || contype === 'x') && n(conindid) !== 0) {
      const idx = indexByOid.get(n(conindid));
      if (idx) idx.constraint = s(name);
    }
  }
}
