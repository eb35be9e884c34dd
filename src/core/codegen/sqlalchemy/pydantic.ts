import type { Column, SchemaSnapshot } from '../../introspect/types.js';
import { GENERATED_MARKER } from '../files.js';
import { isSerialKey } from './columns.js';
import { Imports } from './imports.js';
import { pyStr } from './names.js';
import type { MappedTable } from './plan.js';
import { formatPython } from './pyfmt.js';
import { columnType, type TypeContext } from './types.js';
import { annotationImports, type TypeMapping } from './custom-types.js';

/** BaseModel attributes a field must not shadow. */
const PYDANTIC_RESERVED = new Set(['dict', 'json', 'copy', 'parse_obj', 'parse_raw', 'parse_file', 'from_orm', 'construct', 'schema', 'schema_json', 'validate', 'update_forward_refs', 'fields']);

type Role = 'required' | 'optional' | 'absent';

/** Who writes a column: the database alone (identity ALWAYS, generated, serial or defaulted keys) or the caller. */
export function columnRoles(snap: SchemaSnapshot, mt: MappedTable, c: Column): { create: Role; update: Role } {
  const isPk = mt.table.primaryKey?.columns.includes(c.name) ?? false;
  if (c.generated || c.identity?.kind === 'always') return { create: 'absent', update: 'absent' };
  if (isPk && (isSerialKey(snap, mt.schema, mt.table, c) || c.default !== undefined)) return { create: 'absent', update: 'absent' };
  if (c.identity?.kind === 'by_default') return { create: 'optional', update: 'absent' };
  if (isPk) return { create: 'required', update: 'absent' };
  return { create: c.notNull && c.default === undefined ? 'required' : 'optional', update: 'optional' };
}

/** Pydantic field constraints from the column type: max_length from varchar(n), digits from numeric(p,s). */
function constraints(c: Column, snap: SchemaSnapshot): string[] {
  let type = c.type;
  const [s, n] = [c.typeRef.slice(0, c.typeRef.indexOf('.')), c.typeRef.slice(c.typeRef.indexOf('.') + 1)];
  const t = snap.schemas[s]?.types[n];
  if (t?.kind === 'domain') type = t.baseType;
  if (c.arrayDims || type.endsWith('[]')) return [];
  const varchar = /^character varying\((\d+)\)$/.exec(type) ?? /^character\((\d+)\)$/.exec(type);
  if (varchar) return [`max_length=${varchar[1]}`];
  const num = /^numeric\((\d+),\s*(\d+)\)$/.exec(type);
  if (num) return [`max_digits=${num[1]}`, `decimal_places=${num[2]}`];
  return [];
}

export interface SchemasOutput { source: string; names: Map<string, { create: string; update: string; read: string; page: string; fields: Map<string, string> }> }

/** Pydantic v2 Create / Update / Read / Page models per mapped class, with the required/optional matrix of codegen.md §11. */
export function renderSchemas(snap: SchemaSnapshot, tables: MappedTable[], enumClass: Map<string, string>, o: { types?: TypeMapping } = {}): SchemasOutput {
  const im = new Imports();
  im.add('__future__', 'annotations');
  im.add('pydantic', 'BaseModel');
  im.add('pydantic', 'ConfigDict');
  const fromModels = new Set<string>();
  const ctx: TypeContext = { snap, imports: new Imports(), enumClass, stubs: new Map(), extensions: new Set(), domains: new Map(), sequences: new Map(), types: o.types, warn: () => {} };
  const out: string[] = [];
  const names: SchemasOutput['names'] = new Map();
  for (const mt of tables.filter((t) => t.isClass)) {
    const fields = new Map<string, string>();
    const field = (c: Column) => {
      const attr = mt.attrs.get(c.name)!;
      const name = PYDANTIC_RESERVED.has(attr) || attr.startsWith('model_') ? `${attr}_` : attr;
      fields.set(name, attr);
      return { name, attr };
    };
    const typed = (c: Column) => {
      const t = columnType(c, ctx);
      // type names come from the models module's imports; re-add the ones this module needs
      annotationImports(t.py.replace(/\bJsonValue\b/g, ''), im);
      if (t.py.includes('Range[')) im.add('sqlalchemy.dialects.postgresql', 'Range');
      if (t.py.includes('JsonValue')) fromModels.add('JsonValue');
      for (const cls of enumClass.values()) if (new RegExp(`\\b${cls}\\b`).test(t.py)) fromModels.add(cls);
      const cons = constraints(c, snap);
      const desc = c.comment ? [`description=${pyStr(c.comment)}`] : [];
      const alias = (n: string, a: string) => (n !== a ? [`alias=${pyStr(a)}`] : []);
      return { py: t.py, cons, desc, alias };
    };
    const cls = (suffix: string) => `${mt.pyName}${suffix}`;
    const lines = (kind: 'create' | 'update' | 'read') => {
      const body: string[] = [];
      for (const c of mt.table.columns) {
        const role = kind === 'read' ? 'required' : columnRoles(snap, mt, c)[kind];
        if (role === 'absent') continue;
        const { name, attr } = field(c);
        const t = typed(c);
        const extras = [...t.cons, ...t.desc, ...t.alias(name, attr)];
        if (extras.length) im.add('pydantic', 'Field');
        const nullableRead = kind === 'read' && !c.notNull && !(mt.table.primaryKey?.columns.includes(c.name));
        const optional = kind !== 'read' && role !== 'required';
        const ann = (kind === 'read' ? nullableRead : optional) && t.py !== 'JsonValue' ? `${t.py} | None` : t.py;
        // constraints go in Field(...) as the default, which keeps every annotation short
        if (extras.length) body.push(`    ${name}: ${ann} = Field(${[...(optional ? ['default=None'] : []), ...extras].join(', ')})`);
        else body.push(`    ${name}: ${ann}${optional ? ' = None' : ''}`);
      }
      return body;
    };
    const aliased = [...mt.attrs.values()].some((a) => PYDANTIC_RESERVED.has(a) || a.startsWith('model_'));
    const config = (extra: string) => `    model_config = ConfigDict(${extra}protected_namespaces=()${aliased ? ', populate_by_name=True' : ''})`;
    out.push(`class ${cls('Create')}(BaseModel):\n${config('extra="forbid", ')}\n\n${lines('create').join('\n') || '    pass'}`);
    out.push(`class ${cls('Update')}(BaseModel):\n${config('extra="forbid", ')}\n\n${lines('update').join('\n') || '    pass'}`);
    out.push(`class ${cls('Read')}(BaseModel):\n${config('from_attributes=True, ')}\n\n${lines('read').join('\n')}`);
    out.push(`class ${cls('Page')}(BaseModel):\n    items: list[${cls('Read')}]\n    total: int`);
    names.set(mt.qname, { create: cls('Create'), update: cls('Update'), read: cls('Read'), page: cls('Page'), fields });
  }
  if (fromModels.size) for (const n of fromModels) im.add('.models', n);
  const source = `# @${GENERATED_MARKER} reflect --pydantic\n${im.render()}\n\n\n${out.join('\n\n\n')}\n`;
  return { source: formatPython(source), names };
}
