import { qname } from '../codegen/ddl/index.js';
import { GENERATED_MARKER } from '../codegen/files.js';
import { formatPython } from '../codegen/sqlalchemy/pyfmt.js';
import type { MappedTable } from '../codegen/sqlalchemy/plan.js';
import type { Column, SchemaSnapshot, Table } from '../introspect/types.js';
import { findTable } from './types.js';

interface Ctx { snap: SchemaSnapshot; enumClass: Map<string, string>; imports: Set<string>; models: Set<string> }

const baseType = (c: Column) => c.type.replace(/\(.*?\)/, '').replace(/\[\]$/, '');

/** A Python expression for a sample value of the column, distinct per `n`; undefined when there is none. */
function sample(c: Column, ctx: Ctx): string | undefined {
  if (c.arrayDims) return '[]';
  const enumCls = ctx.enumClass.get(c.typeRef);
  const t = ctx.snap.schemas[c.typeRef.slice(0, c.typeRef.indexOf('.'))]?.types[c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
  if (enumCls && t?.kind === 'enum' && t.labels.length) { ctx.models.add(enumCls); return `${enumCls}(${JSON.stringify(t.labels[0])})`; }
  switch (baseType(c)) {
    case 'text': case 'character varying': case 'citext': return 'f"s{n}-{uuid.uuid4().hex[:6]}"';
    case 'character': return '"s"';
    case 'smallint': case 'integer': case 'bigint': return 'n';
    case 'numeric': ctx.imports.add('decimal'); return 'decimal.Decimal(n)';
    case 'double precision': case 'real': return 'float(n)';
    case 'boolean': return 'True';
    case 'timestamp with time zone': ctx.imports.add('datetime'); return 'datetime.datetime(2024, 1, n, tzinfo=datetime.timezone.utc)';
    case 'timestamp without time zone': ctx.imports.add('datetime'); return 'datetime.datetime(2024, 1, n)';
    case 'date': ctx.imports.add('datetime'); return 'datetime.date(2024, 1, n)';
    case 'uuid': return 'uuid.uuid4()';
    case 'json': case 'jsonb': return '{"n": n}';
  }
  return undefined;
}

/** A value no parent row has, for the FK violation test. */
function missingParent(c: Column): string | undefined {
  const b = baseType(c);
  if (['smallint', 'integer', 'bigint'].includes(b)) return '-1';
  if (b === 'uuid') return 'uuid.uuid4()';
  if (b === 'text' || b === 'character varying') return '"no-such-parent"';
  return undefined;
}

const required = (c: Column) => c.notNull && c.default === undefined && !c.identity && !c.generated;

/** SQL literal or parameter for a parent's required column; undefined when the parent needs rows of its own. */
function parentValue(c: Column, ctx: Ctx, i: number, params: string[]): string | undefined {
  const t = ctx.snap.schemas[c.typeRef.slice(0, c.typeRef.indexOf('.'))]?.types[c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
  if (t?.kind === 'enum' && t.labels.length) return `'${t.labels[0]!.replace(/'/g, "''")}'::${c.type}`;
  switch (baseType(c)) {
    case 'text': case 'character varying': params.push(`"p${i}": f"p{n}-{uuid.uuid4().hex[:8]}"`); return `:p${i}`;
    case 'smallint': case 'integer': case 'bigint': case 'numeric': case 'double precision': case 'real': params.push(`"p${i}": n`); return `:p${i}`;
    case 'boolean': return 'true';
    case 'timestamp with time zone': case 'timestamp without time zone': case 'date': return 'now()';
    case 'uuid': return 'gen_random_uuid()';
    case 'json': case 'jsonb': return `'{}'`;
  }
  return undefined;
}

/** A helper that makes (or finds) a parent row and returns its key. */
function parentHelper(name: string, parentQ: string, parent: Table, refCol: string, ctx: Ctx): string {
  const [schema, table] = [parentQ.slice(0, parentQ.indexOf('.')), parentQ.slice(parentQ.indexOf('.') + 1)];
  const cols = parent.columns.filter(required);
  const params: string[] = [];
  const values = cols.map((c, i) => (parent.foreignKeys.some((f) => f.columns.includes(c.name)) ? undefined : parentValue(c, ctx, i, params)));
  const ref = JSON.stringify(refCol).slice(1, -1);
  if (values.some((v) => v === undefined)) {
    // the parent needs rows of its own: use one that is there
    return `def ${name}(session: Session, n: int):\n    key = session.execute(text('SELECT "${ref}" FROM ${qname(schema, table).replace(/'/g, "\\'")} LIMIT 1')).scalar()\n    if key is None:\n        pytest.fail("${parentQ} has no rows to reference: insert one before running these tests")\n    return key`;
  }
  const insert = cols.length
    ? `INSERT INTO ${qname(schema, table)} (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${values.join(', ')}) RETURNING "${ref}"`
    : `INSERT INTO ${qname(schema, table)} DEFAULT VALUES RETURNING "${ref}"`;
  return `def ${name}(session: Session, n: int):\n    stmt = text(${JSON.stringify(insert)})\n    return session.execute(stmt, {${params.join(', ')}}).scalar_one()`;
}

/**
 * pytest tests for the new table's constraints, run against a database that has it (after `alembic
 * upgrade head`): a valid row reads back its server defaults; UNIQUE, NOT NULL and FOREIGN KEY
 * violations raise IntegrityError; ON DELETE CASCADE removes the child, RESTRICT refuses the delete.
 * Each test runs in a transaction that is rolled back.
 */
export function renderPytest(snap: SchemaSnapshot, mt: MappedTable, enumClass: Map<string, string>): string {
  const ctx: Ctx = { snap, enumClass, imports: new Set(['uuid', 'os']), models: new Set([mt.pyName]) };
  const t = mt.table;
  const M = mt.pyName;
  const attr = (c: string) => mt.attrs.get(c)!;
  const helpers: string[] = [];
  const fields: string[] = [];
  const fkOf = new Map(t.foreignKeys.filter((f) => f.columns.length === 1).map((f) => [f.columns[0]!, f]));
  for (const c of t.columns) {
    if (!required(c) && !fkOf.has(c.name)) continue;
    const fk = fkOf.get(c.name);
    if (fk) {
      const parent = findTable(snap, fk.references.table);
      if (!parent) continue;
      const helper = `_${fk.references.table.replace(/\W/g, '_')}_key`;
      if (!helpers.some((h) => h.startsWith(`def ${helper}(`))) helpers.push(parentHelper(helper, fk.references.table, parent, fk.references.columns[0]!, ctx));
      fields.push(`${attr(c.name)}=${helper}(session, n)`);
      continue;
    }
    const v = sample(c, ctx);
    if (v) fields.push(`${attr(c.name)}=${v}`);
  }
  const tests: string[] = [];
  const serverDefaults = t.columns.filter((c) => c.notNull && (c.default !== undefined || c.identity));
  tests.push([
    'def test_valid_row_reads_back_server_defaults(session: Session):',
    '    obj = _row(session, 1)',
    '    session.add(obj)',
    '    session.flush()',
    '    session.refresh(obj)',
    ...serverDefaults.map((c) => `    assert obj.${attr(c.name)} is not None`),
    ...(serverDefaults.length ? [] : ['    assert obj in session']),
  ].join('\n'));
  const uniques = [...t.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]!), ...t.indexes.filter((i) => i.unique && !i.primary && !i.constraint && i.keys.length === 1 && i.keys[0]!.column && !i.predicate).map((i) => i.keys[0]!.column!)];
  for (const u of [...new Set(uniques)]) {
    tests.push([
      `def test_${attr(u)}_is_unique(session: Session):`,
      '    first = _row(session, 1)',
      '    session.add(first)',
      '    session.flush()',
      `    session.add(_row(session, 2, ${attr(u)}=first.${attr(u)}))`,
      '    with pytest.raises(IntegrityError):',
      '        session.flush()',
    ].join('\n'));
  }
  for (const c of t.columns.filter(required)) {
    tests.push([
      `def test_${attr(c.name)}_is_required(session: Session):`,
      `    session.add(_row(session, 1, ${attr(c.name)}=None))`,
      '    with pytest.raises(IntegrityError):',
      '        session.flush()',
    ].join('\n'));
  }
  // simple range checks (`price >= 0`, `qty > 0`) get a test with the first value they refuse
  for (const ck of t.checks) {
    const m = /^\(?\s*(\w+)\s*(>=|>)\s*\(?(-?\d+(?:\.\d+)?)\)?(?:::\w+)?\s*\)?$/.exec(ck.expression);
    const c = m && t.columns.find((x) => x.name === m[1]);
    if (!m || !c || !['integer', 'bigint', 'smallint', 'numeric'].includes(baseType(c))) continue;
    const bad = m[2] === '>=' ? Number(m[3]) - 1 : Number(m[3]);
    const value = baseType(c) === 'numeric' ? `decimal.Decimal("${bad}")` : String(Math.floor(bad));
    if (baseType(c) === 'numeric') ctx.imports.add('decimal');
    tests.push([
      `def test_${ck.name}_refuses_${attr(c.name)}_${String(bad).replace('-', 'minus_').replace('.', '_')}(session: Session):`,
      `    session.add(_row(session, 1, ${attr(c.name)}=${value}))`,
      '    with pytest.raises(IntegrityError):',
      '        session.flush()',
    ].join('\n'));
  }
  for (const [col, fk] of fkOf) {
    const c = t.columns.find((x) => x.name === col)!;
    const missing = missingParent(c);
    const table = fk.references.table;
    if (missing) {
      tests.push([
        `def test_${attr(col)}_must_reference_${table.replace(/\W/g, '_')}(session: Session):`,
        `    session.add(_row(session, 1, ${attr(col)}=${missing}))`,
        '    with pytest.raises(IntegrityError):',
        '        session.flush()',
      ].join('\n'));
    }
    const pk = t.primaryKey?.columns;
    if (!pk || pk.length !== 1) continue;
    const del = `DELETE FROM ${qname(table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1))} WHERE "${fk.references.columns[0]}" = :key`;
    const body = [
      '    obj = _row(session, 1)',
      '    session.add(obj)',
      '    session.flush()',
      `    key, parent = obj.${attr(pk[0]!)}, obj.${attr(col)}`,
      '    session.expunge(obj)',
    ];
    if (fk.onDelete === 'CASCADE') {
      tests.push([`def test_deleting_the_${table.replace(/\W/g, '_')}_row_deletes_its_${t.name}(session: Session):`, ...body,
        `    session.execute(text(${JSON.stringify(del)}), {"key": parent})`,
        `    assert session.get(${M}, key) is None`].join('\n'));
    } else if (fk.onDelete === 'RESTRICT' || fk.onDelete === 'NO ACTION') {
      tests.push([`def test_a_referenced_${table.replace(/\W/g, '_')}_row_cannot_be_deleted(session: Session):`, ...body,
        '    with pytest.raises(IntegrityError):',
        `        session.execute(text(${JSON.stringify(del)}), {"key": parent})`].join('\n'));
    }
  }
  const imports = [...ctx.imports].sort().map((m) => `import ${m}`);
  const src = [
    `# @${GENERATED_MARKER} new-table ${mt.qname}`,
    `"""Constraint tests for ${mt.qname}; run after \`alembic upgrade head\` with DATABASE_URL set (postgresql+psycopg://…)."""`,
    'from __future__ import annotations',
    '',
    ...imports,
    '',
    'import pytest',
    'from sqlalchemy import create_engine, text',
    'from sqlalchemy.exc import IntegrityError',
    'from sqlalchemy.orm import Session',
    '',
    `from .models import ${[...ctx.models].sort().join(', ')}`,
    '',
    'DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")',
    '',
    '',
    '@pytest.fixture(scope="module")',
    'def engine():',
    '    eng = create_engine(DATABASE_URL)',
    '    yield eng',
    '    eng.dispose()',
    '',
    '',
    '@pytest.fixture',
    'def session(engine):',
    '    """A session inside a transaction that is rolled back: tests leave no rows behind."""',
    '    with engine.connect() as conn:',
    '        outer = conn.begin()',
    '        s = Session(bind=conn, join_transaction_mode="create_savepoint")',
    '        try:',
    '            yield s',
    '        finally:',
    '            s.close()',
    '            outer.rollback()',
    '',
    '',
    ...helpers.flatMap((h) => [h, '', '']),
    `def _row(session: Session, n: int, **override) -> ${M}:`,
    `    values = dict(${fields.join(', ')})`,
    '    values.update(override)',
    `    return ${M}(**values)`,
    '',
    '',
    tests.join('\n\n\n'),
    '',
  ].join('\n');
  return formatPython(src);
}
