import type { SchemaSnapshot } from '../../introspect/types.js';
import { GENERATED_MARKER } from '../files.js';
import { isSerialKey, renderColumn, renderTableColumn } from './columns.js';
import { Imports } from './imports.js';
import { enumMembers, pascal, pyStr, unique } from './names.js';
import { planTables, type LazyMode, type MappedTable, type Rel } from './plan.js';
import { policyDocstring } from './docstrings.js';
import { supabaseStubs } from './supabase.js';
import type { TypeMapping } from './custom-types.js';
import { DEFAULT_SCHEMA, inlineFk, NAMING_CONVENTION, tableArgs, tableKeywords, tableRef } from './table-args.js';
import type { TypeContext } from './types.js';
import { formatPython } from './pyfmt.js';
import { customTypeNames } from './custom-types.js';
import { sequenceConst, sequenceOf } from './sequences.js';

export interface ModelWarning { table: string; object: string; message: string }

export interface ModelsOutput {
  source: string;
  warnings: ModelWarning[];
  prerequisites: string[];
  /** class / Table name per `schema.table`, for companions (Pydantic, repositories) */
  tables: MappedTable[];
  /** Python enum class per `schema.name` */
  enumClass: Map<string, string>;
  /** the module cut into pieces, for the multi-file layouts and the TUI's Model tab */
  parts: ModelParts;
}

/** One table, view or Table() of the module, as it appears in the single file. */
export interface ModelBlock { qname: string; schema: string; pyName: string; kind: 'class' | 'table' | 'view'; code: string }

export interface ModelParts {
  /** module-level definitions every block may use: JsonValue, enums, type stubs, domains, Base, sequences */
  head: string;
  blocks: ModelBlock[];
  /** every name the imports bind → [module, name] (from-import) or [module] (plain import) */
  bindings: Map<string, [string, string?]>;
}

export interface ModelsOptions {
  bigCollectionRows?: number;
  /** how collections load: `auto` (default) picks selectin or raise by row estimates */
  lazy?: LazyMode;
  /** a table without a primary key is mapped as a class keyed by a unique index on NOT NULL columns */
  pkGuess?: boolean;
  /** PostgreSQL type → Python type, applied before the built-in mapping (`reflect.types` in .tablewright.json) */
  types?: TypeMapping;
  /** Supabase: FKs into platform schemas resolve to minimal Table stubs; RLS policies in each class docstring */
  supabase?: boolean;
}

function relationshipLine(r: Rel, owner: MappedTable, im: Imports): string {
  im.add('sqlalchemy.orm', 'relationship');
  const args = [`back_populates=${pyStr(r.backPopulates)}`];
  if (r.secondary) args.unshift(`secondary=${pyStr(tableRef(`${r.secondary.schema}.${r.secondary.table.name}`))}`);
  const childCols = (r.fkOwner.pyName);
  if (r.needsForeignKeys && !r.secondary) args.push(`foreign_keys=${pyStr(`[${r.fk.columns.map((c) => `${childCols}.${r.fkOwner.attrs.get(c)}`).join(', ')}]`)}`);
  if (r.selfRef && (r.kind === 'many-to-one' || r.kind === 'one-to-one-child')) {
    args.push(`remote_side=${pyStr(`[${r.fk.references.columns.map((c) => `${owner.pyName}.${owner.attrs.get(c)}`).join(', ')}]`)}`);
  }
  if (r.kind === 'one-to-one-parent') args.push('uselist=False');
  if (r.passiveDeletes) args.push('passive_deletes=True');
  if (r.lazy) args.push(`lazy=${pyStr(r.lazy)}`);
  if (r.overlaps.length) args.push(`overlaps=${pyStr(r.overlaps.join(','))}`);
  const target = r.target.pyName;
  const collection = r.kind === 'one-to-many' || r.kind === 'many-to-many';
  // a write-only collection is never loaded: SQLAlchemy wants WriteOnlyMapped for it
  if (collection && r.lazy === 'write_only') return `    ${r.name}: ${im.add('sqlalchemy.orm', 'WriteOnlyMapped')}[${target}] = relationship(${args.join(', ')})`;
  const ann = collection ? `list[${target}]` : r.kind === 'one-to-one-parent' || r.nullable ? `${target} | None` : target;
  return `    ${r.name}: Mapped[${ann}] = relationship(${args.join(', ')})`;
}

/**
 * One SQLAlchemy 2.0 module for the whole snapshot: enums, type stubs, a Base whose naming
 * convention reproduces PostgreSQL's names, a class per table with a primary key (Table() otherwise),
 * relationships both ways, and views in a separate MetaData that create_all never touches.
 */
export function renderModels(snap: SchemaSnapshot, o: ModelsOptions = {}): ModelsOutput {
  const im = new Imports();
  im.add('__future__', 'annotations');
  const warnings: ModelWarning[] = [];
  const prerequisites: string[] = [];
  const enumClass = new Map<string, string>();
  const enumNames = new Set<string>();
  const enumCount = new Map<string, number>();
  for (const s of Object.values(snap.schemas)) for (const t of Object.values(s.types)) if (t.kind === 'enum') enumCount.set(t.name, (enumCount.get(t.name) ?? 0) + 1);
  for (const schema of Object.keys(snap.schemas).sort()) {
    for (const t of Object.values(snap.schemas[schema]!.types).sort((a, b) => a.name.localeCompare(b.name))) {
      if (t.kind !== 'enum' || t.extension) continue;
      const shared = (enumCount.get(t.name) ?? 0) > 1 && schema !== 'public';
      enumClass.set(`${schema}.${t.name}`, unique(pascal(`${shared ? `${schema}_` : ''}${t.name}`), enumNames));
    }
  }
  for (const schema of Object.keys(snap.schemas).sort()) if (schema !== 'public') prerequisites.push(`CREATE SCHEMA IF NOT EXISTS ${schema.includes('"') || /[^a-z0-9_]/.test(schema) ? `"${schema.replace(/"/g, '""')}"` : schema};`);

  let currentTable = '';
  const ctx: TypeContext = { snap, imports: im, enumClass, stubs: new Map(), extensions: new Set(), domains: new Map(), sequences: new Map(), types: o.types, warn: (m) => warnings.push({ table: currentTable, object: '', message: m }) };
  // names bound at module level must be known before attributes are named
  const domainNames = Object.entries(snap.schemas).flatMap(([, s]) => Object.values(s.types).filter((t) => t.kind === 'domain').map((t) => `${t.name.replace(/\W/g, '_').toUpperCase()}_DOMAIN`));
  // only sequences behind nextval() defaults become module-level names
  const seqNames = Object.entries(snap.schemas).flatMap(([schema, s]) => Object.values(s.tables).flatMap((t) => t.columns
    .filter((c) => c.default?.startsWith('nextval(') && !isSerialKey(snap, schema, t, c))
    .map((c) => sequenceOf(snap, schema, c.default!)?.name).filter((n): n is string => !!n).map(sequenceConst)));
  const moduleNames = new Set([...enumNames, ...domainNames, ...seqNames, 'Base', 'JsonValue', '_enum_values', 'view_metadata', 'annotations', 'datetime', 'decimal', 'enum', 'uuid', 'ipaddress', 'typing', 'sqlalchemy', 'Range', 'UserDefinedType', 'Any', 'text', 'Column', 'Table', 'MetaData', 'Index', 'ForeignKey', 'Identity', 'Computed', 'relationship', 'Mapped', 'mapped_column', 'DeclarativeBase', ...customTypeNames(o.types)]);
  if (o.lazy === 'write_only') moduleNames.add('WriteOnlyMapped');
  const tables = planTables(snap, { bigCollectionRows: o.bigCollectionRows, moduleNames, lazy: o.lazy, pkGuess: o.pkGuess });
  const body: string[] = [];
  const blocks: ModelBlock[] = [];
  for (const mt of tables) {
    currentTable = mt.qname;
    const warn = (object: string, message: string) => warnings.push({ table: mt.qname, object, message });
    const t = mt.table;
    const singleFks = new Map(t.foreignKeys.filter((fk) => fk.columns.length === 1 && !fk.onDeleteSetColumns).map((fk) => [fk.columns[0]!, fk]));
    // a column in two single-column FKs keeps one inline and the other in __table_args__
    const inlineFks = new Set<string>();
    const inlineFor = new Map<string, string>();
    for (const [col, fk] of singleFks) { inlineFks.add(fk.name); inlineFor.set(col, inlineFk(t, fk, im)); }
    const pkCols = t.primaryKey?.columns ?? [];
    const pkInline = !!t.primaryKey && pkCols.join(',') === t.columns.filter((c) => pkCols.includes(c.name)).map((c) => c.name).join(',') && t.primaryKey.name === `${t.name}_pkey` && Buffer.byteLength(t.primaryKey.name) <= 63;
    const args = tableArgs(t, { pkInline: mt.isClass && pkInline, inlineFks }, im, warn);
    const kw = tableKeywords(mt.schema, t, warn);
    if (t.rls.enabled) warn(t.name, `row-level security is ${t.rls.forced ? 'forced' : 'enabled'}; enable it after create_all: ALTER TABLE … ENABLE ROW LEVEL SECURITY`);
    for (const p of t.policies) warn(p.name, `policy ${p.name} (${p.command}) is not part of the model; recreate it with CREATE POLICY after create_all`);
    for (const g of t.triggers) warn(g.name, `trigger ${g.name} (${g.timing} ${g.events.join('/')}) runs ${g.function}(); triggers are not part of the model`);
    if (t.kind === 'partitioned') {
      const parts = Object.values(snap.schemas).flatMap((s) => Object.values(s.tables)).filter((x) => x.partition?.parent === mt.qname).map((x) => `${x.name} ${x.partition?.bound ?? ''}`);
      if (parts.length) warn(t.name, `partitions are not mapped; create them after create_all: ${parts.join('; ')}`);
    }
    if (!t.primaryKey && mt.guessedKey) warn(t.name, `has no primary key: mapped as a class keyed by ${mt.guessedKey.via} (${mt.guessedKey.columns.join(', ')}) as --pk-guess asked; create_all adds no primary key`);
    else if (!t.primaryKey) warn(t.name, `has no primary key: mapped as a Table(), not a class${o.pkGuess ? ' (no unique index on NOT NULL columns to key it by)' : ''}`);
    for (const c of t.columns) {
      if (c.default && /^nextval\(/.test(c.default) && !isSerialKey(snap, mt.schema, t, c)) {
        const seq = sequenceOf(snap, mt.schema, c.default);
        if (seq) {
          ctx.sequences.set(`${seq.schema}.${seq.name}`, seq);
          if (seq.ownedBy) warn(c.name, `sequence ${seq.schema}.${seq.name} is OWNED BY ${seq.ownedBy.table}.${seq.ownedBy.column} in the database; the model creates it without the ownership`);
        } else {
          warn(c.name, `default ${c.default} names a sequence the snapshot does not have; kept as a plain server default`);
        }
      }
    }
    if (mt.isClass) {
      im.add('sqlalchemy.orm', 'Mapped');
      const doc = o.supabase ? policyDocstring(t) : [];
      const lines = [`class ${mt.pyName}(Base):`, ...doc, `    __tablename__ = ${pyStr(t.name)}`];
      const dict = kw.length ? `{${kw.map(([k, v]) => `${pyStr(k)}: ${v}`).join(', ')}}` : '';
      if (args.length) lines.push(`    __table_args__ = (${[...args, ...(dict ? [dict] : [])].join(', ')}${args.length + (dict ? 1 : 0) === 1 ? ',' : ''})`);
      else if (dict) lines.push(`    __table_args__ = ${dict}`);
      lines.push('');
      for (const c of t.columns) lines.push(renderColumn(mt, c, ctx, { inlineFk: inlineFor.get(c.name), pkInline, serialKey: isSerialKey(snap, mt.schema, t, c) }));
      // the mapper's key, not a database one: create_all must not add a primary key the source lacks
      if (mt.guessedKey) lines.push('', `    __mapper_args__ = {"primary_key": [${mt.guessedKey.columns.map((c) => mt.attrs.get(c)).join(', ')}]}`);
      const rels = [...mt.relationships].sort((a, b) => a.name.localeCompare(b.name));
      if (rels.length) lines.push('', ...rels.map((r) => relationshipLine(r, mt, im)));
      body.push(lines.join('\n'));
      blocks.push({ qname: mt.qname, schema: mt.schema, pyName: mt.pyName, kind: 'class', code: lines.join('\n') });
    } else {
      im.add('sqlalchemy', 'Table');
      const lines = [`${mt.pyName} = Table(`, `    ${pyStr(t.name)},`, '    Base.metadata,'];
      for (const c of t.columns) lines.push(renderTableColumn(c, ctx, { inlineFk: inlineFor.get(c.name) }));
      for (const a of args) lines.push(`    ${a},`);
      for (const [k, v] of kw) lines.push(`    ${k}=${v},`);
      lines.push(')');
      body.push(lines.join('\n'));
      blocks.push({ qname: mt.qname, schema: mt.schema, pyName: mt.pyName, kind: 'table', code: lines.join('\n') });
    }
  }
  // views live in their own MetaData: create_all and autogenerate must never turn them into tables
  const views: string[] = [];
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    for (const [kind, map] of [['view', s.views], ['materialized view', s.materializedViews]] as const) {
      for (const v of Object.values(map).sort((a, b) => a.name.localeCompare(b.name))) {
        if (v.extension) continue;
        currentTable = `${schema}.${v.name}`;
        im.add('sqlalchemy', 'Table');
        const pyName = `t_${v.name.replace(/\W/g, '_')}_view`;
        const lines = [`${pyName} = Table(`, `    ${pyStr(v.name)},`, '    view_metadata,'];
        for (const c of v.columns) lines.push(renderTableColumn(c, ctx, { plain: true }));
        if (schema !== DEFAULT_SCHEMA) lines.push(`    schema=${pyStr(schema)},`);
        lines.push(`    info={"is_view": True, "kind": ${pyStr(kind)}},`, ')');
        views.push(lines.join('\n'));
        blocks.push({ qname: `${schema}.${v.name}`, schema, pyName, kind: 'view', code: lines.join('\n') });
      }
    }
  }
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    for (const t of Object.values(s.types).sort((a, b) => a.name.localeCompare(b.name))) {
      if ((t.kind === 'enum' || t.kind === 'domain') && t.comment && !t.extension) warnings.push({ table: '', object: `${schema}.${t.name}`, message: `COMMENT ON ${t.kind === 'enum' ? 'TYPE' : 'DOMAIN'} ${schema}.${t.name} is not part of the model` });
    }
    for (const key of Object.keys(s.functions).sort()) if (!s.functions[key]!.extension) warnings.push({ table: '', object: `${schema}.${key}`, message: `function ${schema}.${key} is not part of the model; keep it in migrations` });
    for (const v of [...Object.keys(s.views), ...Object.keys(s.materializedViews)].sort()) warnings.push({ table: `${schema}.${v}`, object: v, message: 'view mapped read-only in view_metadata; create_all does not create it' });
  }
  for (const e of [...ctx.extensions].sort()) prerequisites.unshift(`CREATE EXTENSION IF NOT EXISTS ${e};`);
  for (const [cls, pgType] of [...ctx.stubs].sort()) {
    const [schema, name] = pgType.includes('.') ? pgType.split('.', 2) as [string, string] : ['public', pgType];
    const t = snap.schemas[schema]?.types[name];
    if (t?.kind === 'composite') prerequisites.push(`CREATE TYPE ${schema}.${name} AS (${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')});`);
    if (t?.kind === 'range') prerequisites.push(`CREATE TYPE ${schema}.${name} AS RANGE (SUBTYPE = ${t.subtype});`);
    void cls;
  }

  const head: string[] = [];
  const usesJson = body.concat(views).some((b) => b.includes('JsonValue'));
  if (usesJson) im.add('typing', 'Any');
  const usesEnums = enumClass.size > 0 && body.some((b) => b.includes('_enum_values'));
  if (enumClass.size) im.add('enum');
  if (ctx.stubs.size) { im.add('typing', 'Any'); im.add('sqlalchemy.types', 'UserDefinedType'); }
  im.add('sqlalchemy', 'MetaData');
  im.add('sqlalchemy.orm', 'DeclarativeBase');
  if (usesJson) head.push('JsonValue = dict[str, Any] | list[Any] | str | int | float | bool | None', '');
  if (usesEnums) head.push('', 'def _enum_values(cls: type[enum.Enum]) -> list[str]:', '    return [member.value for member in cls]', '');
  for (const [key, cls] of [...enumClass].sort((a, b) => a[1].localeCompare(b[1]))) {
    const [schema, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const t = snap.schemas[schema]!.types[name]!;
    if (t.kind !== 'enum') continue;
    const members = enumMembers(t.labels);
    head.push('', `class ${cls}(str, enum.Enum):`, ...(t.labels.length ? t.labels.map((l, i) => `    ${members[i]} = ${pyStr(l)}`) : ['    pass']), '');
  }
  for (const [cls, pgType] of [...ctx.stubs].sort()) {
    head.push('', `class ${cls}(UserDefinedType):`, `    """PostgreSQL type ${pgType}, which SQLAlchemy has no class for."""`, '', '    cache_ok = True', '', '    def get_col_spec(self, **kw: Any) -> str:', `        return ${pyStr(pgType)}`, '');
  }
  if (ctx.domains.size) head.push('', ...[...ctx.domains.values()].sort((a, b) => a.constName.localeCompare(b.constName)).map((d) => `${d.constName} = ${d.definition}`), '');
  head.push('', 'class Base(DeclarativeBase):', `    metadata = MetaData(naming_convention=${NAMING_CONVENTION})`, '');
  if (views.length) head.push('', 'view_metadata = MetaData()', '');
  if (o.supabase) {
    const stubs = supabaseStubs(snap, tables, im, ctx);
    for (const st of stubs) warnings.push({ table: st.qname, object: st.qname, message: `platform table mapped as a minimal Table stub (${st.columns.join(', ')}) so foreign keys to it resolve; Supabase creates it, create_all skips it when it exists` });
    if (stubs.length) head.push('', ...stubs.map((st) => st.code), '');
  }
  for (const [, seq] of [...ctx.sequences].sort((a, b) => a[0].localeCompare(b[0]))) {
    const args = [pyStr(seq.name)];
    if (seq.schema !== DEFAULT_SCHEMA) args.push(`schema=${pyStr(seq.schema)}`);
    if (seq.start !== '1') args.push(`start=${seq.start}`);
    if (seq.increment !== '1') args.push(`increment=${seq.increment}`);
    args.push('metadata=Base.metadata');
    im.add('sqlalchemy', 'Sequence');
    head.push('', `${sequenceConst(seq.name)} = Sequence(${args.join(', ')})`, '');
  }

  const headText = head.join('\n').replace(/^\n+/, '\n').replace(/\n{3,}/g, '\n\n\n');
  // formatting is per line, so each piece is formatted once and shared by every layout
  const parts: ModelParts = { head: formatPython(headText), blocks: blocks.map((b) => ({ ...b, code: formatPython(b.code) })), bindings: im.bindings() };
  const source = [
    formatPython(`# @${GENERATED_MARKER} reflect — regenerate from the database instead of editing\n${im.render()}`),
    '',
    parts.head,
    '',
    parts.blocks.map((b) => b.code).join('\n\n\n'),
    '',
  ].join('\n').replace(/\n{4,}/g, '\n\n\n');
  return { source, warnings, prerequisites: [...new Set(prerequisites)], tables, enumClass, parts };
}
