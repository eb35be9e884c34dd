import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDesign, applyFields, draftChecklist, draftMigration, emptyDraft, evaluate, evaluateLocal, identifierProblem, parseFields, parseIndex, type TableDraft } from '../../src/core/design/index.js';
import { canonicalBuiltin } from '../../src/core/design/types.js';
import { completeField } from '../../src/tui/wizard/complete.js';
import type { Connection } from '../../src/core/db/connection.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { openDemoCopy } from '../helpers/demo.js';

describe('the --fields grammar', () => {
  it('reads the seed types, modifiers, defaults and references', () => {
    const f = parseFields("email:str:unique,name:str,active:bool=true,org_id:fk(orgs),price:numeric(12,2):check(price >= 0),bio:text?,status:enum(a|b)='a',ref:int:fk(public.orgs.code, cascade):null");
    expect(f.columns.map((c) => [c.name, c.type, c.nullable, c.unique, c.default ?? null])).toEqual([
      ['email', 'str', false, true, null], ['name', 'str', false, false, null], ['active', 'bool', false, false, 'true'],
      ['org_id', '', false, false, null], ['price', 'numeric(12,2)', false, false, null], ['bio', 'text', true, false, null],
      ['status', '', false, false, "'a'"], ['ref', 'int', true, false, null],
    ]);
    expect(f.columns[4]!.check).toBe('price >= 0');
    expect(f.columns[6]!.enumLabels).toEqual(['a', 'b']);
    expect(f.foreignKeys).toEqual([
      { column: 'org_id', table: 'orgs', refColumn: '', onDelete: 'RESTRICT', index: true },
      { column: 'ref', table: 'public.orgs', refColumn: 'code', onDelete: 'CASCADE', index: true },
    ]);
  });
  it('names what is wrong in a field', () => {
    expect(() => parseFields('a:int:sorted')).toThrow(/unknown modifier "sorted"/);
    expect(() => parseFields(':int')).toThrow(/a field needs a name/);
    expect(() => parseFields('a:int=')).toThrow(/nothing after "="/);
    expect(() => parseFields('a:fk()')).toThrow(/fk\(\) needs a table/);
    expect(() => parseFields('a:fk(t, explode)')).toThrow(/ON DELETE "explode"/);
  });
  it('reads index specs: composite, unique, partial', () => {
    expect(parseIndex('status+created_at')).toEqual({ columns: ['status', 'created_at'], unique: false });
    expect(parseIndex('a, b unique')).toEqual({ columns: ['a', 'b'], unique: true });
    expect(parseIndex('status where deleted_at is null and n in (1, 2)')).toEqual({ columns: ['status'], unique: false, where: 'deleted_at is null and n in (1, 2)' });
    expect(() => parseIndex('')).toThrow(/give its columns/);
  });
  it('canonicalises builtin spellings as format_type writes them', () => {
    expect(canonicalBuiltin('str')?.type).toBe('text');
    expect(canonicalBuiltin('datetime')?.type).toBe('timestamp with time zone');
    expect(canonicalBuiltin('varchar(80)')).toEqual({ type: 'character varying(80)', typeRef: 'pg_catalog.varchar', arrayDims: 0 });
    expect(canonicalBuiltin('timestamptz(3)')?.type).toBe('timestamp(3) with time zone');
    expect(canonicalBuiltin('NUMERIC(12, 2)')?.type).toBe('numeric(12,2)');
    expect(canonicalBuiltin('int[]')).toEqual({ type: 'integer[]', typeRef: 'pg_catalog.int4', arrayDims: 1 });
    expect(canonicalBuiltin('hstore')).toBeUndefined();
  });
  it('refuses identifiers that need quoting, are reserved, or are too long', () => {
    expect(identifierProblem('column', 'order')).toMatch(/reserved word/);
    expect(identifierProblem('column', 'Email')).toMatch(/would need quoting \("Email"\).*email/);
    expect(identifierProblem('table', 'x'.repeat(64))).toMatch(/64 bytes; PostgreSQL truncates names to 63/);
    expect(identifierProblem('column', 'ok_name')).toBeUndefined();
  });
});

describe('validating a draft against the demo database', () => {
  let demo: Awaited<ReturnType<typeof openDemoCopy>>;
  let conn: Connection;
  let snap: SchemaSnapshot;
  beforeAll(async () => {
    demo = await openDemoCopy();
    conn = demo.conn;
    snap = await readSnapshot(conn, { stats: false });
  });
  afterAll(async () => demo.cleanup());
  const draft = (name: string, fields: string, o: Partial<TableDraft> = {}) => ({ ...applyFields(emptyDraft(name), fields), ...o });
  const problems = async (d: TableDraft) => (await conn.withSession((s) => evaluate(s, snap, d))).problems.map((p) => `${p.step}: ${p.message}`);

  it('a good design has no problems and follows the referenced key type', async () => {
    const ev = await conn.withSession((s) => evaluate(s, snap, draft('product_bundles', 'title:str:unique,category_id:fk(categories),price:public.money_amount,tags:text[],state:order_status', { timestamps: true })));
    expect(ev.problems).toEqual([]);
    expect(ev.table.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['id bigint', 'title text', 'category_id bigint', 'price public.money_amount', 'tags text[]', 'state public.order_status', 'created_at timestamp with time zone', 'updated_at timestamp with time zone']);
    expect(ev.table.indexes.map((i) => i.name)).toEqual(['product_bundles_category_id_idx', 'product_bundles_pkey', 'product_bundles_title_key']);
  });
  it('checks may name the columns the options add', async () => {
    expect(await problems(draft('bookings', 'ends_at:datetime:check(ends_at > created_at)', { timestamps: true }))).toEqual([]);
    expect(await problems(draft('bookings', 'ends_at:datetime:check(ends_at > created_at)', { timestamps: false }))).toEqual([expect.stringMatching(/column "created_at" does not exist/)]);
  });
  it('names an existing table, duplicates, reserved words and generated-column clashes at their step', async () => {
    expect(await problems(draft('products', 'a:int'))).toEqual(['name: public.products already exists; choose another name (the wizard only creates new tables)']);
    expect(await problems(draft('t1', 'a:int,a:text,order:int,created_at:int', { timestamps: true }))).toEqual([
      'columns: column "a" appears twice',
      'columns: column "order" is a reserved word in PostgreSQL and would need quoting everywhere; try order_name or order_value',
      'columns: column "created_at" is added by the timestamp/soft-delete/version option; rename yours or turn the option off',
    ]);
    expect(await problems(draft('t1', 'a:int', { schema: 'nowhere' }))).toEqual([expect.stringMatching(/^name: schema "nowhere" does not exist; create it first or choose one of analytics, audit, public$/)]);
  });
  it('asks the server about types it does not know, defaults that do not cast and checks that do not parse', async () => {
    expect(await problems(draft('t1', 'a:intt,b:int=abc,c:int=1,d:int:check(d > nope),e:int4range,f:bool=maybe'))).toEqual([
      'columns: a: type "intt" is not known to the database; use a PostgreSQL type (text, integer, numeric(12,2), timestamptz, …) or one of str, int, float, bool, datetime, text, uuid, jsonb',
      expect.stringMatching(/^columns: b: default abc is not a integer: column "abc" does not exist/),
      expect.stringMatching(/^columns: f: default maybe is not a boolean: column "maybe" does not exist/),
      expect.stringMatching(/^columns: d: check \(d > nope\) does not work: column "nope" does not exist/),
    ]);
    expect(await problems(draft('t1', "s:enum(x|y)='z'"))).toEqual(["columns: s: default 'z' is not one of the labels ('x', 'y')"]);
  });
  it('checks references: missing tables with hints, missing columns, non-key targets, type mismatches, SET NULL on NOT NULL', async () => {
    expect(await problems(draft('t1', 'c:fk(categoris)'))).toEqual(['relations: c: table "categoris" does not exist (did you mean categories?)']);
    expect(await problems(draft('t1', 'c:text:fk(categories.nope)'))).toEqual([expect.stringMatching(/^relations: c: public.categories has no column "nope" \(it has id, parent_id, name/)]);
    expect(await problems(draft('t1', 'c:text:fk(categories.name)'))).toEqual(['relations: c: public.categories.name is neither a primary key nor unique; a foreign key must reference one']);
    expect(await problems(draft('t1', 'c:int:fk(categories)'))).toEqual(['relations: c is integer but public.categories.id is bigint; make them the same type (or give the column type fk(public.categories))']);
    const orphan = draft('t1', 'c:fk(categories)');
    expect(await problems({ ...orphan, foreignKeys: [] })).toEqual(['columns: c has no type (it took the type of a reference that is gone); give it one, e.g. c:bigint']);
    expect(await problems(draft('t1', 'c:fk(categories, set null)'))).toEqual(['relations: c: ON DELETE SET NULL on a NOT NULL column fails at delete time; make the column nullable or choose CASCADE/RESTRICT']);
  });
  it('the checklist runs the schema rules on the draft and every finding here has a one-key fix that clears it', async () => {
    let d = draft('line_notes', 'order_id:fk(orders):null,price:float,flag:bool:index,seen_at:timestamp', { timestamps: false });
    d = { ...d, foreignKeys: d.foreignKeys.map((f) => ({ ...f, index: false, onDelete: 'NO ACTION' as const })) };
    const ev = await evaluateLocal(snap, d);
    const checks = draftChecklist(ev);
    expect(checks.map((c) => c.ruleId).sort()).toEqual(['CN01', 'CN07', 'CN12', 'IX01', 'IX06', 'SD02', 'TY01', 'TY10']);
    expect(checks.every((c) => c.fix)).toBe(true);
    const fixed = checks.reduce((x, c) => c.fix!.apply(x), d);
    const after = draftChecklist(await evaluateLocal(snap, fixed));
    expect(after.filter((c) => c.severity !== 'info')).toEqual([]);
    expect(fixed).toMatchObject({ timestamps: true, foreignKeys: [{ index: true, onDelete: 'RESTRICT' }], indexes: [] });
    expect(fixed.columns.map((c) => `${c.name}:${c.type}:${c.nullable}`)).toEqual(['order_id::false', 'price:numeric(12,2):false', 'flag:bool:false', 'seen_at:timestamptz:false']);
  });
  it('creates the audit trail once and reuses it for the next audited table', async () => {
    const first = await conn.withSession((s) => evaluate(s, snap, draft('gift_cards', 'code:str:unique', { audit: true })));
    const plan = draftMigration(first);
    expect(plan.upgrade.map((x) => x.change)).toEqual(expect.arrayContaining(['add table public.audit_log', 'add function public.audit_log_record()', 'add trigger public.gift_cards.gift_cards_audit']));
    await applyDesign(conn, plan.upgrade, { revision: first.draft.revision });
    const after = await readSnapshot(conn, { stats: false });
    const second = draftMigration(await conn.withSession((s) => evaluate(s, after, draft('vouchers', 'code:str:unique', { audit: true }))));
    expect(second.upgrade.map((x) => x.change)).not.toContain('add table public.audit_log');
    expect(second.downgrade.map((x) => x.sql).join('\n')).not.toMatch(/audit_log(_record)?"(\(\))?;/);
    // a database Alembic manages moves to the new revision in the same transaction
    await conn.query('CREATE TABLE public.alembic_version (version_num varchar(32) PRIMARY KEY)');
    await conn.query("INSERT INTO public.alembic_version VALUES ('v1')");
    expect(await applyDesign(conn, second.upgrade, { revision: 'v2', downRevision: 'v1' })).toMatchObject({ stamped: 'v2' });
    expect((await conn.query('SELECT version_num FROM public.alembic_version')).rows).toEqual([{ version_num: 'v2' }]);
    await conn.query("INSERT INTO public.vouchers (code) VALUES ('A1')");
    const rows = await conn.query<{ table_name: string; operation: string }>("SELECT table_name, operation FROM public.audit_log");
    expect(rows.rows).toEqual([{ table_name: 'public.vouchers', operation: 'INSERT' }]);
  });
  it('completes types, modifiers and referenced tables in a column line', () => {
    expect(completeField('price:nu', snap).text).toBe('price:numeric(12,2)');
    expect(completeField('state:order_st', snap).text).toBe('state:order_status');
    expect(completeField('a:int,c:fk(categ', snap).text).toBe('a:int,c:fk(categories');
    expect(completeField('email:str:un', snap).text).toBe('email:str:unique');
    expect(completeField('x:js', snap)).toEqual({ text: 'x:json', candidates: ['json', 'jsonb'] });
    expect(completeField('name', snap)).toEqual({ text: 'name', candidates: [] });
  });
  it('a draft with no primary key gets SD01, fixed by an identity key', async () => {
    const d = draft('kv', 'k:text,v:text', { pk: 'natural', pkColumns: [] });
    const ev = await evaluateLocal(snap, d);
    expect(ev.problems.map((p) => p.step)).toEqual(['keys']);
    const sd01 = draftChecklist(ev).find((c) => c.ruleId === 'SD01')!;
    expect(sd01.fix!.apply(d).pk).toBe('identity');
  });
});
