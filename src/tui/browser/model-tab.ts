import { selectTables } from '../../core/codegen/reflect/index.js';
import { renderModels, type ModelsOutput } from '../../core/codegen/sqlalchemy/module.js';
import type { SchemaSnapshot } from '../../core/introspect/types.js';
import type { CatalogItem } from './catalog-items.js';
import { incomingFks } from './fk-index.js';

/**
 * Up to this many tables the tab shows the whole module's class (generated once per snapshot,
 * ~1 s per 1,000 tables on a loaded 2-core box); above it, a module of the table and its FK
 * neighbours only, so opening the tab never stalls the UI for long.
 */
export const FULL_MODULE_TABLES = 2000;

const full = new WeakMap<SchemaSnapshot, ModelsOutput>();
const partial = new WeakMap<SchemaSnapshot, Map<string, ModelsOutput>>();

// on Supabase the class docstring lists the table's RLS policies, as `reflect --supabase` writes it
const generate = (snap: SchemaSnapshot, source: SchemaSnapshot) => renderModels(source, { supabase: snap.server.flavor === 'supabase' });

const tableCount = (snap: SchemaSnapshot) => Object.values(snap.schemas).reduce((n, s) => n + Object.keys(s.tables).length, 0);

/** The snapshot narrowed to a relation, the tables it references, and those referencing it (with theirs, for link tables). */
function neighbourhood(snap: SchemaSnapshot, item: CatalogItem): SchemaSnapshot {
  const q = `${item.schema}.${item.name}`;
  const names = new Set([q]);
  const table = snap.schemas[item.schema]?.tables[item.name];
  for (const fk of table?.foreignKeys ?? []) names.add(fk.references.table);
  for (const inc of table ? incomingFks(snap, q) : []) {
    names.add(inc.from);
    const [s, n] = [inc.from.slice(0, inc.from.indexOf('.')), inc.from.slice(inc.from.indexOf('.') + 1)];
    for (const fk of snap.schemas[s]?.tables[n]?.foreignKeys ?? []) names.add(fk.references.table);
  }
  const narrowed = selectTables(snap, [...names]);
  const src = snap.schemas[item.schema];
  const own = narrowed.schemas[item.schema];
  if (!table && src && own) {
    // selectTables leaves views out: put the selected one back
    own.views = src.views[item.name] ? { [item.name]: src.views[item.name]! } : {};
    own.materializedViews = src.materializedViews[item.name] ? { [item.name]: src.materializedViews[item.name]! } : {};
  }
  return narrowed;
}

function modelsFor(snap: SchemaSnapshot, item: CatalogItem, fullLimit: number): { models: ModelsOutput; whole: boolean } {
  if (tableCount(snap) <= fullLimit) {
    let m = full.get(snap);
    if (!m) full.set(snap, (m = generate(snap, snap)));
    return { models: m, whole: true };
  }
  let byItem = partial.get(snap);
  if (!byItem) partial.set(snap, (byItem = new Map()));
  let m = byItem.get(item.key);
  if (!m) byItem.set(item.key, (m = generate(snap, neighbourhood(snap, item))));
  return { models: m, whole: false };
}

/**
 * The Model tab: the SQLAlchemy class (or Table) `tablewright reflect` generates for the selected
 * relation, what it could not express as comments, and how to export all models.
 */
export function modelSource(snap: SchemaSnapshot, item: CatalogItem, fullLimit = FULL_MODULE_TABLES): string {
  const qname = `${item.schema}.${item.name}`;
  const { models, whole } = modelsFor(snap, item, fullLimit);
  const block = models.parts.blocks.find((b) => b.qname === qname);
  const parent = snap.schemas[item.schema]?.tables[item.name]?.partition?.parent;
  if (!block) {
    return parent
      ? `# ${qname} is a partition of ${parent}: mapped through its parent's model`
      : `# ${qname} is not mapped (owned by an extension, or not a table)`;
  }
  const note = whole ? [] : [`# generated from this table and its foreign-key neighbours (${tableCount(snap)} tables in all): names may differ in the full export`, ''];
  const warnings = models.warnings.filter((w) => w.table === qname).map((w) => `# warning: ${w.object && w.object !== item.name ? `${w.object}: ` : ''}${w.message}`);
  const footer = ['', '# M exports every model: reflect --output ./models (add --layout per-table, --pydantic, …)'];
  return [...note, block.code, ...(warnings.length ? ['', ...warnings] : []), ...footer].join('\n');
}
