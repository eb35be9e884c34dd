import { columnLine, constraintLines, renderIndex, renderPolicy, renderTrigger } from '../codegen/ddl/table.js';
import { ident, lit, qname } from '../codegen/ddl/quote.js';
import type { Check, Column, ForeignKey, Index, Key, Table, Unique } from '../introspect/types.js';
import { typeFromCatalog } from '../migrations/ast.js';
import { typeChangeIsSafe } from '../migrations/type-change.js';
import { same } from './compare.js';
import { NEW_OBJECT, PHASE, lockOn, type PlanContext } from './plan-context.js';
import type { Change, ChangeOf } from './types.js';

/** A table holding just the given constraints, for the shared constraint renderer. */
const holder = (p: Partial<Table>): Table => ({ primaryKey: undefined, uniques: [], checks: [], exclusions: [], foreignKeys: [], ...p } as Table);
const constraintSql = (p: Partial<Table>): string => constraintLines(holder(p))[0]!;
/** PostgreSQL's identifier limit, for names Tablewright makes up. */
const name63 = (s: string) => Buffer.from(s).subarray(0, 63).toString().replace(/\uFFFD$/, '');

export function planTablePart(c: Change, ctx: PlanContext): void {
  const t = qname(c.schema, c.table!);
  const lock = (mode: string) => lockOn(mode, c.schema, c.table!);
  const exclusive = lock('ACCESS EXCLUSIVE');
  switch (c.kind) {
    case 'column': return planColumn(c, t, ctx, exclusive);
    case 'primaryKey':
    case 'unique': return planKey(c, t, ctx, exclusive);
    case 'check': {
      const k = (c.to ?? c.from)!;
      if (c.action === 'drop') ctx.add({ phase: PHASE.dropConstraint, sql: `ALTER TABLE ${t} DROP CONSTRAINT ${ident(k.name)};`, lock: exclusive });
      else if (c.action === 'alter') comment(ctx, `CONSTRAINT ${ident(k.name)} ON ${t}`, k.comment);
      else addValidated(ctx, t, exclusive, lock('SHARE UPDATE EXCLUSIVE'), k as Check, constraintSql({ checks: [{ ...(k as Check), validated: true }] }), (k as Check).validated && (k as Check).enforced, 'a CHECK on an existing table is added NOT VALID and validated afterwards, outside the transaction (MS05)');
      if (c.action === 'add' && k.comment !== undefined) comment(ctx, `CONSTRAINT ${ident(k.name)} ON ${t}`, k.comment);
      return;
    }
    case 'exclusion': {
      const k = (c.to ?? c.from)!;
      if (c.action === 'drop') ctx.add({ phase: PHASE.dropConstraint, sql: `ALTER TABLE ${t} DROP CONSTRAINT ${ident(k.name)};`, lock: exclusive });
      else if (c.action === 'add') ctx.add({ phase: PHASE.constraint, sql: `ALTER TABLE ${t} ADD ${constraintSql({ exclusions: [c.to!] })};`, lock: exclusive, note: 'an EXCLUDE constraint has no NOT VALID form: it builds its index and checks every row under this lock (MS13)' });
      if (c.action === 'alter' || (c.action === 'add' && k.comment !== undefined)) comment(ctx, `CONSTRAINT ${ident(k.name)} ON ${t}`, k.comment);
      return;
    }
    case 'foreignKey': return planForeignKey(c, t, ctx);
    case 'index': return planIndex(c, t, ctx, lock);
    case 'trigger': {
      const tr = (c.to ?? c.from)!;
      if (c.action === 'drop') ctx.add({ phase: PHASE.dropTrigger, sql: `DROP TRIGGER ${ident(tr.name)} ON ${t};`, lock: c.onNewTable ? NEW_OBJECT : lock('ACCESS EXCLUSIVE') });
      if (c.action === 'add') {
        ctx.add({ phase: PHASE.trigger, sql: renderTrigger(t, tr), lock: c.onNewTable ? NEW_OBJECT : lock('SHARE ROW EXCLUSIVE') });
        const how = { origin: '', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' }[tr.enabled];
        if (how) ctx.add({ phase: PHASE.trigger, sql: `ALTER TABLE ${t} ${how} TRIGGER ${ident(tr.name)};`, lock: lock('SHARE ROW EXCLUSIVE') });
      }
      if (c.action === 'alter' || (c.action === 'add' && tr.comment !== undefined)) comment(ctx, `TRIGGER ${ident(tr.name)} ON ${t}`, tr.comment);
      return;
    }
    case 'policy': {
      const p = (c.to ?? c.from)!;
      if (c.action === 'drop') ctx.add({ phase: PHASE.dropTrigger, sql: `DROP POLICY ${ident(p.name)} ON ${t};`, lock: exclusive });
      if (c.action === 'add') ctx.add({ phase: PHASE.policy, sql: renderPolicy(t, p), lock: c.onNewTable ? NEW_OBJECT : exclusive });
      if (c.action === 'alter' || (c.action === 'add' && p.comment !== undefined)) comment(ctx, `POLICY ${ident(p.name)} ON ${t}`, p.comment);
      return;
    }
    default:
      ctx.warnings.push(`${c.summary}: not planned (unsupported change); write it by hand`);
  }
}

/** COMMENT ON, or its removal. Only emitted where the comment is part of the change. */
export function comment(ctx: PlanContext, what: string, text: string | undefined, phase: number = PHASE.comment): void {
  ctx.add({ phase, sql: `COMMENT ON ${what} IS ${text === undefined ? 'NULL' : lit(text)};`, risk: 'safe', lock: 'catalog only' });
}

/**
 * ADD CONSTRAINT on an existing table: NOT VALID under a short lock, then VALIDATE outside the
 * transaction under SHARE UPDATE EXCLUSIVE (reads and writes go on). New tables take it as is.
 */
function addValidated(ctx: PlanContext, t: string, addLock: string, validateLock: string, k: { name: string }, line: string, validate: boolean, note: string, phase: number = PHASE.constraint): void {
  if (ctx.current.onNewTable) {
    ctx.add({ phase, sql: `ALTER TABLE ${t} ADD ${line}${validate ? '' : ' NOT VALID'};`, lock: NEW_OBJECT });
    return;
  }
  ctx.add({ phase, sql: `ALTER TABLE ${t} ADD ${line} NOT VALID;`, lock: addLock, note });
  if (validate) ctx.add({ phase, sql: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${ident(k.name)};`, lock: validateLock, transactional: false, note: 'scans the table without blocking reads or writes; its own transaction, so the short lock above is not held meanwhile (MS06)' });
}

function planForeignKey(c: ChangeOf<'foreignKey'>, t: string, ctx: PlanContext): void {
  const f = (c.to ?? c.from)!;
  const ref = f.references.table;
  if (c.action === 'drop') {
    ctx.add({ phase: PHASE.dropForeignKey, sql: `ALTER TABLE ${t} DROP CONSTRAINT ${ident(f.name)};`, lock: `ACCESS EXCLUSIVE on ${c.schema}.${c.table} and ${ref}` });
    return;
  }
  if (c.action === 'alter') { comment(ctx, `CONSTRAINT ${ident(f.name)} ON ${t}`, f.comment); return; }
  const line = constraintSql({ foreignKeys: [{ ...(f as ForeignKey), validated: true }] });
  addValidated(ctx, t, `SHARE ROW EXCLUSIVE on ${c.schema}.${c.table} and ${ref}`, `SHARE UPDATE EXCLUSIVE on ${c.schema}.${c.table}, ROW SHARE on ${ref}`, f, line, f.validated && f.enforced, 'a foreign key on an existing table is added NOT VALID and validated afterwards, outside the transaction (MS04)', PHASE.foreignKey);
  if (f.comment !== undefined) comment(ctx, `CONSTRAINT ${ident(f.name)} ON ${t}`, f.comment);
}

function planKey(c: ChangeOf<'primaryKey'> | ChangeOf<'unique'>, t: string, ctx: PlanContext, exclusive: string): void {
  const k = (c.to ?? c.from)!;
  const what = c.kind === 'primaryKey' ? 'PRIMARY KEY' : `UNIQUE${(k as Unique).nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}`;
  if (c.action === 'drop') { ctx.add({ phase: PHASE.dropConstraint, sql: `ALTER TABLE ${t} DROP CONSTRAINT ${ident(k.name)};`, lock: exclusive }); return; }
  if (c.action === 'alter') { comment(ctx, `CONSTRAINT ${ident(k.name)} ON ${t}`, k.comment); return; }
  // WITHOUT OVERLAPS keys have no USING INDEX form
  const period = !!k.period;
  if (period) {
    ctx.add({ phase: PHASE.constraint, sql: `ALTER TABLE ${t} ADD ${constraintSql(c.kind === 'primaryKey' ? { primaryKey: k } : { uniques: [k as Unique] })};`, lock: exclusive, note: 'built under the lock: this key has no USING INDEX form' });
  } else {
    const index: Index = { ...keyIndexBase(k), nullsNotDistinct: c.kind === 'unique' && (k as Unique).nullsNotDistinct };
    ctx.add({ phase: PHASE.constraint, sql: concurrently(renderIndex(c.schema, c.table!, index)), lock: lockOn('SHARE UPDATE EXCLUSIVE', c.schema, c.table!), transactional: false, note: `the key's index is built CONCURRENTLY first, outside the transaction (${c.kind === 'primaryKey' ? 'MS12' : 'MS11'})` });
    const deferral = k.deferrable ? ` DEFERRABLE${k.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}` : '';
    ctx.add({ phase: PHASE.constraint, sql: `ALTER TABLE ${t} ADD CONSTRAINT ${ident(k.name)} ${what.replace(' NULLS NOT DISTINCT', '')} USING INDEX ${ident(k.name)}${deferral};`, lock: exclusive, note: c.kind === 'primaryKey' ? 'takes the index over; the key columns must already be NOT NULL or this scans' : 'takes the index over without a scan' });
  }
  if (k.comment !== undefined) comment(ctx, `CONSTRAINT ${ident(k.name)} ON ${t}`, k.comment);
}

function keyIndexBase(k: Key): Index {
  return {
    name: k.name, method: 'btree', unique: true, primary: false, exclusion: false,
    keys: k.columns.map((col) => ({ column: col, desc: false, nullsFirst: false })), include: [], nullsNotDistinct: false, valid: true, ready: true, options: {},
  };
}

/** CREATE [UNIQUE] INDEX → … CONCURRENTLY. */
const concurrently = (sql: string) => sql.replace(/^CREATE (UNIQUE )?INDEX /, (_m, u: string | undefined) => `CREATE ${u ?? ''}INDEX CONCURRENTLY `);

function planIndex(c: ChangeOf<'index'>, t: string, ctx: PlanContext, lock: (m: string) => string): void {
  const i = (c.to ?? c.from)!;
  const iname = qname(c.schema, i.name);
  if (c.action === 'alter') { comment(ctx, `INDEX ${iname}`, i.comment); return; }
  if (c.action === 'drop') {
    if (c.onNewTable || c.partitioned) ctx.add({ phase: PHASE.dropConstraint, sql: `DROP INDEX ${iname};`, lock: lock('ACCESS EXCLUSIVE') });
    else ctx.add({ phase: PHASE.dropConstraint, sql: `DROP INDEX CONCURRENTLY ${iname};`, lock: lock('SHARE UPDATE EXCLUSIVE'), transactional: false, note: 'dropped CONCURRENTLY outside the transaction: a plain DROP INDEX blocks reads and writes (MS02)' });
    return;
  }
  const sql = renderIndex(c.schema, c.table!, { ...i, definition: undefined });
  if (c.onNewTable) ctx.add({ phase: PHASE.index, sql, lock: NEW_OBJECT });
  // CONCURRENTLY is not possible on a partitioned table: PostgreSQL builds each partition's index under SHARE
  else if (c.partitioned) planPartitionedIndex(c, sql, ctx, lock);
  else ctx.add({ phase: PHASE.index, sql: concurrently(sql), lock: lock('SHARE UPDATE EXCLUSIVE'), transactional: false, note: 'built CONCURRENTLY outside the transaction: reads and writes go on (MS01, MS03)' });
  if (i.comment !== undefined) comment(ctx, `INDEX ${iname}`, i.comment);
}

/**
 * A partitioned table cannot build an index CONCURRENTLY: the parent's index is created ON ONLY
 * (invalid, no build), each partition's index CONCURRENTLY, then attached; the last attach makes
 * the parent's index valid. No step blocks writes for a build.
 */
function planPartitionedIndex(c: ChangeOf<'index'>, sql: string, ctx: PlanContext, lock: (m: string) => string): void {
  const parent = c.to!;
  const children = c.partitionIndexes ?? [];
  if (!children.length) { ctx.add({ phase: PHASE.index, sql, lock: lock('SHARE'), note: 'no partitions yet: nothing to build' }); return; }
  ctx.add({ phase: PHASE.index, sql: sql.replace(/ ON ("[^"]*(?:""[^"]*)*"\.)/, ' ON ONLY $1'), lock: lock('SHARE'), note: 'ON ONLY: catalog only, the index stays invalid until every partition has one attached' });
  for (const { table, index } of children) {
    const [schema, name] = [table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1)];
    ctx.add({ phase: PHASE.index, sql: concurrently(renderIndex(schema, name, { ...index, definition: undefined, parent: undefined })), lock: lockOn('SHARE UPDATE EXCLUSIVE', schema, name), transactional: false, note: 'each partition builds CONCURRENTLY (MS01)' });
    ctx.add({ phase: PHASE.index, sql: `ALTER INDEX ${qname(c.schema, parent.name)} ATTACH PARTITION ${qname(schema, index.name)};`, lock: `SHARE UPDATE EXCLUSIVE on ${table}` });
  }
}

function planColumn(c: ChangeOf<'column'>, t: string, ctx: PlanContext, exclusive: string): void {
  const col = (c.to ?? c.from)!;
  const cn = ident(col.name);
  if (c.action === 'drop') {
    ctx.add({ phase: PHASE.dropColumn, sql: `ALTER TABLE ${t} DROP COLUMN ${cn};`, lock: exclusive, note: 'the data in the column is lost; deploy code that no longer reads it first (BC01)' });
    return;
  }
  if (c.action === 'add') {
    const needsValue = col.notNull && col.default === undefined && !col.identity && !col.generated;
    const note = col.identity ? 'an identity column rewrites the table under this lock (MS14)'
      : col.generated?.kind === 'stored' ? 'a stored generated column rewrites the table under this lock (MS15)'
      : col.default !== undefined && /\b(nextval|random|gen_random_uuid|uuid_generate_v\d|clock_timestamp|timeofday)\s*\(/i.test(col.default) ? 'a volatile default rewrites the table under this lock (MS08)' : undefined;
    ctx.add({ phase: PHASE.column, sql: `ALTER TABLE ${t} ADD COLUMN ${columnLine(needsValue ? { ...col, notNull: false } : col)};`, lock: exclusive, note });
    if (needsValue) {
      ctx.add({ phase: PHASE.column, sql: `-- backfill ${c.schema}.${c.table}.${col.name} here (UPDATE in batches) before it becomes NOT NULL`, lock: 'none', risk: 'caution', note: 'NOT NULL without a default fails on a table with rows: added nullable, backfilled, then made NOT NULL (MS09)' });
      setNotNull(ctx, t, c, col, exclusive);
    }
    if (col.comment !== undefined) comment(ctx, `COLUMN ${t}.${cn}`, col.comment);
    return;
  }
  const a = c.from!;
  const b = c.to!;
  const alter = (sql: string, o: { lock?: string; note?: string; transactional?: boolean; phase?: number } = {}) => ctx.add({ phase: o.phase ?? PHASE.columnAlter, sql: `ALTER TABLE ${t} ${sql};`, lock: o.lock ?? exclusive, note: o.note, transactional: o.transactional });
  if (!same(a.generated, b.generated) && !(a.generated && b.generated && a.generated.kind === 'stored' && b.generated.kind === 'stored' && ctx.pgVersion >= 17) && !(a.generated && !b.generated)) {
    // without SET EXPRESSION (PG17) a generated column is dropped and added again: it moves to the end
    ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} DROP COLUMN ${cn};`, lock: exclusive, note: 'the column is recreated: its values are derived, so nothing is lost, but it moves to the end of the table' });
    ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} ADD COLUMN ${columnLine(b)};`, lock: exclusive, note: b.generated?.kind === 'stored' ? 'rewrites the table (MS15)' : undefined });
    if (b.comment !== undefined) comment(ctx, `COLUMN ${t}.${cn}`, b.comment);
    return;
  }
  const typeChanged = a.type !== b.type || a.collation !== b.collation;
  const defaultChanged = a.default !== b.default;
  if (typeChanged && a.default !== undefined) alter(`ALTER COLUMN ${cn} DROP DEFAULT`);
  if (typeChanged) {
    const from = typeFromCatalog(a.type);
    const to = typeFromCatalog(b.type);
    const safe = !!from && !!to && a.collation === b.collation && typeChangeIsSafe(from, to, false);
    const using = safe ? '' : ` USING ${cn}::${b.type}`;
    alter(`ALTER COLUMN ${cn} TYPE ${b.type}${b.collation ? ` COLLATE ${b.collation.split('.').map(ident).join('.')}` : ''}${using}`, { note: safe ? 'catalog-only type change (no rewrite)' : 'rewrites the table and its indexes under this lock (MS10); readers and writers see a new type (BC09)' });
  }
  if (typeChanged ? b.default !== undefined : defaultChanged) alter(b.default === undefined ? `ALTER COLUMN ${cn} DROP DEFAULT` : `ALTER COLUMN ${cn} SET DEFAULT ${b.default}`, { note: 'catalog only' });
  if (a.generated && !b.generated) alter(`ALTER COLUMN ${cn} DROP EXPRESSION`, { note: 'keeps the stored values as plain data' });
  else if (a.generated && b.generated && a.generated.expr !== b.generated.expr) alter(`ALTER COLUMN ${cn} SET EXPRESSION AS (${b.generated.expr})`, { note: 'rewrites the table under this lock' });
  planIdentity(a, b, cn, alter);
  if (a.compression !== b.compression) alter(`ALTER COLUMN ${cn} SET COMPRESSION ${b.compression ?? 'default'}`, { note: 'applies to new values only' });
  const nnName = (x: Column) => x.notNullConstraint?.name ?? `${c.table}_${x.name}_not_null`;
  if (a.notNull && b.notNull && nnName(a) !== nnName(b)) alter(`RENAME CONSTRAINT ${ident(nnName(a))} TO ${ident(nnName(b))}`, { note: 'catalog only' });
  if (a.notNull && !b.notNull) alter(`ALTER COLUMN ${cn} DROP NOT NULL`, { note: 'readers start to see NULLs (BC07)' });
  if (!a.notNull && b.notNull) setNotNull(ctx, t, c, b, exclusive);
  if (a.comment !== b.comment) comment(ctx, `COLUMN ${t}.${cn}`, b.comment);
}

function planIdentity(a: Column, b: Column, cn: string, alter: (sql: string, o?: { note?: string }) => void): void {
  if (same(a.identity && { ...a.identity, sequence: undefined }, b.identity && { ...b.identity, sequence: undefined })) return;
  const kind = (k: 'always' | 'by_default') => (k === 'always' ? 'ALWAYS' : 'BY DEFAULT');
  if (a.identity && !b.identity) { alter(`ALTER COLUMN ${cn} DROP IDENTITY`, { note: 'drops the identity sequence' }); return; }
  const o = b.identity!.options;
  const opts = o ? ` (START WITH ${o.start} INCREMENT BY ${o.increment} MINVALUE ${o.min} MAXVALUE ${o.max} CACHE ${o.cache}${o.cycle ? ' CYCLE' : ''})` : '';
  if (!a.identity) { alter(`ALTER COLUMN ${cn} ADD GENERATED ${kind(b.identity!.kind)} AS IDENTITY${opts}`, { note: 'catalog only; the column must be NOT NULL' }); return; }
  if (a.identity.kind !== b.identity!.kind) alter(`ALTER COLUMN ${cn} SET GENERATED ${kind(b.identity!.kind)}`);
  if (o && !same(a.identity.options, o)) alter(`ALTER COLUMN ${cn} SET START WITH ${o.start} SET INCREMENT BY ${o.increment} SET MINVALUE ${o.min} SET MAXVALUE ${o.max} SET CACHE ${o.cache} SET ${o.cycle ? '' : 'NO '}CYCLE`);
}

/**
 * SET NOT NULL without the long scan under ACCESS EXCLUSIVE (MS07): a NOT VALID check, validated
 * outside the transaction, proves the column has no NULLs, so SET NOT NULL only reads the catalog.
 */
function setNotNull(ctx: PlanContext, t: string, c: Change, col: Column, exclusive: string): void {
  const cn = ident(col.name);
  if (ctx.pgVersion < 12) {
    ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} ALTER COLUMN ${cn} SET NOT NULL;`, lock: exclusive, note: 'scans the table under this lock: PostgreSQL < 12 cannot use a CHECK to prove it (MS07)' });
    return;
  }
  const check = ident(name63(`${c.table}_${col.name}_not_null_tw`));
  ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${cn} IS NOT NULL) NOT VALID;`, lock: exclusive, note: 'SET NOT NULL in safe steps: a NOT VALID check first (MS07)' });
  ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`, lock: lockOn('SHARE UPDATE EXCLUSIVE', c.schema, c.table!), transactional: false, note: 'scans without blocking reads or writes' });
  ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} ALTER COLUMN ${cn} SET NOT NULL;`, lock: exclusive, note: 'no scan: the validated check proves it' });
  ctx.add({ phase: PHASE.columnAlter, sql: `ALTER TABLE ${t} DROP CONSTRAINT ${check};`, lock: exclusive });
}

