import type { Column, Index, SchemaSnapshot, Table, View } from '../../core/introspect/types.js';
import type { CatalogItem } from './catalog-items.js';
import { fkDiagram } from './fk-diagram.js';
import { modelSource } from './model-tab.js';
import { incomingFks } from './fk-index.js';
import { blank, grid, humanBytes, humanCount, plain, seg, type Line } from './lines.js';

export type TabId = 'columns' | 'indexes' | 'constraints' | 'fks' | 'policies' | 'ddl' | 'diagram' | 'model' | 'definition' | 'summary';

export const TAB_TITLE: Record<TabId, string> = {
  columns: 'Columns', indexes: 'Indexes', constraints: 'Constraints', fks: 'Foreign keys', policies: 'Policies/Triggers',
  ddl: 'DDL', diagram: 'Diagram', model: 'Model', definition: 'Definition', summary: 'Summary',
};

export const TAB_SHORT: Record<TabId, string> = {
  columns: 'Cols', indexes: 'Idx', constraints: 'Constr', fks: 'FKs', policies: 'Pol/Trig', ddl: 'DDL', diagram: 'Diagram', model: 'Model', definition: 'Def', summary: 'Summary',
};

export function tabsFor(item: CatalogItem | undefined): TabId[] {
  switch (item?.kind) {
    case undefined:
      return [];
    case 'schema':
      return ['summary'];
    case 'table':
    case 'partitioned':
    case 'foreign':
      return ['columns', 'indexes', 'constraints', 'fks', 'policies', 'ddl', 'diagram', 'model'];
    case 'view':
      return ['columns', 'ddl', 'model'];
    case 'matview':
      return ['columns', 'indexes', 'ddl', 'model'];
    default:
      return ['definition', 'ddl'];
  }
}

/** A tab's content; `targets[i]` is the table the i-th selectable line jumps to (foreign keys). */
export interface TabContent {
  lines: Line[];
  selectable?: { line: number; target: string }[];
}

export function findTable(snap: SchemaSnapshot, schema: string, name: string): Table | undefined {
  return snap.schemas[schema]?.tables[name];
}

function findView(snap: SchemaSnapshot, item: CatalogItem): View | undefined {
  const s = snap.schemas[item.schema];
  return item.kind === 'matview' ? s?.materializedViews[item.name] : s?.views[item.name];
}

/** Soft-wraps a DDL line at `width`, continuing with the line's indent plus two spaces. */
export function wrapLine(line: string, width: number): string[] {
  const chars = [...line];
  if (chars.length <= width || width < 12) return [line];
  const indent = ' '.repeat(Math.min(width / 2, (/^\s*/.exec(line)?.[0].length ?? 0) + 2));
  const out: string[] = [];
  let rest = chars;
  let first = true;
  while (rest.length) {
    const room = first ? width : width - indent.length;
    let cut = rest.length <= room ? rest.length : rest.lastIndexOf(' ', room);
    if (cut <= room / 3) cut = Math.min(room, rest.length);
    out.push((first ? '' : indent) + rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
    first = false;
  }
  return out;
}

/**
 * A tab's content as lines. `ddl` is the raw definition, wrapped to the width and then coloured
 * line by line with `highlight` (wrapping coloured text would split escape sequences).
 */
export function tabContent(tab: TabId, item: CatalogItem, snap: SchemaSnapshot, ddl: string | undefined, width: number, highlight: (line: string, language?: string) => string = (l) => l): TabContent {
  const s = snap.schemas[item.schema];
  const table = findTable(snap, item.schema, item.name);
  switch (tab) {
    case 'summary':
      return { lines: schemaSummary(snap, item.schema) };
    case 'columns': {
      const cols = table?.columns ?? findView(snap, item)?.columns ?? [];
      const comment = table?.comment ?? findView(snap, item)?.comment;
      return { lines: [...(comment ? [[seg(comment, 'muted')], blank] : []), ...columnLines(cols, table)] };
    }
    case 'indexes':
      return { lines: indexLines(table?.indexes ?? findView(snap, item)?.indexes ?? [], snap, item) };
    case 'constraints':
      return { lines: table ? constraintLines(table) : [plain('no constraints')] };
    case 'fks':
      return table ? fkLines(snap, item, table) : { lines: [] };
    case 'policies':
      return { lines: table ? policyLines(table) : [] };
    case 'diagram':
      return table ? fkDiagram(snap, item, table, width) : { lines: [] };
    case 'ddl':
      return { lines: ddl === undefined ? [[seg('loading the definition…', 'muted')]] : ddl.split('\n').flatMap((l) => wrapLine(l, width)).map((l) => [seg(highlight(l))]) };
    case 'definition':
      return { lines: definitionLines(snap, item, s) };
    case 'model':
      return { lines: modelSource(snap, item).split('\n').flatMap((l) => wrapLine(l, width)).map((l) => [seg(highlight(l, 'python'))]) };
  }
}

function columnLines(cols: Column[], table: Table | undefined): Line[] {
  const pk = new Set(table?.primaryKey?.columns ?? []);
  const fkCols = new Set(table?.foreignKeys.flatMap((f) => f.columns) ?? []);
  if (!cols.length) return [plain('no columns')];
  return grid(
    ['column', 'type', 'null', 'default / identity / generated', 'comment'],
    cols.map((c) => [
      seg(`${pk.has(c.name) ? '◆ ' : fkCols.has(c.name) ? '→ ' : '  '}${c.name}`, pk.has(c.name) ? 'accent' : undefined, pk.has(c.name)),
      seg(c.type, 'title'),
      c.notNull ? seg('not null', 'muted') : seg('null', 'warn'),
      c.identity ? `identity (${c.identity.kind === 'always' ? 'always' : 'by default'})`
        : c.generated ? `generated (${c.generated.expr}) ${c.generated.kind}` : (c.default ?? ''),
      seg(c.comment ?? '', 'muted'),
    ]),
  ).map((l, i) => (i === 0 ? [seg('  '), ...l] : l));
}

function indexLines(indexes: Index[], snap: SchemaSnapshot, item: CatalogItem): Line[] {
  if (!indexes.length) return [plain('no indexes')];
  const stats = snap.stats?.indexes ?? {};
  return grid(
    ['name', 'kind', 'method', 'keys', 'where', 'size', 'scans'],
    indexes.map((ix) => {
      const st = stats[`${item.schema}.${ix.name}`];
      const keys = ix.keys.map((k) => `${k.column ?? `(${k.expression})`}${k.desc ? ' desc' : ''}`).join(', ') + (ix.include.length ? ` include (${ix.include.join(', ')})` : '');
      return [
        seg(ix.name, ix.valid ? undefined : 'danger'),
        seg(ix.primary ? 'primary key' : ix.unique ? 'unique' : ix.exclusion ? 'exclusion' : '', 'accent'),
        ix.method,
        keys,
        seg(ix.predicate ?? '', 'muted'),
        humanBytes(st?.bytes),
        seg(st ? String(st.scans) : '', st?.scans === 0 ? 'warn' : 'muted'),
      ];
    }),
  );
}

function constraintLines(t: Table): Line[] {
  const rows: string[][] = [];
  if (t.primaryKey) rows.push([t.primaryKey.name, 'primary key', `(${t.primaryKey.columns.join(', ')})`]);
  for (const u of t.uniques) rows.push([u.name, 'unique', `(${u.columns.join(', ')})${u.nullsNotDistinct ? ' nulls not distinct' : ''}`]);
  for (const c of t.checks) rows.push([c.name, 'check', `${c.expression}${c.validated ? '' : ' NOT VALID'}`]);
  for (const x of t.exclusions) rows.push([x.name, 'exclude', x.definition]);
  for (const f of t.foreignKeys) rows.push([f.name, 'foreign key', `(${f.columns.join(', ')}) → ${f.references.table}(${f.references.columns.join(', ')})`]);
  const nn = t.columns.filter((c) => c.notNull).map((c) => c.name);
  const lines = rows.length ? grid(['name', 'kind', 'definition'], rows, [undefined, 'accent']) : [plain('no constraints')];
  return nn.length ? [...lines, blank, [seg('not null: ', 'muted'), seg(nn.join(', '))]] : lines;
}

const action = (a: string) => (a === 'NO ACTION' ? '' : a.toLowerCase());

function fkLines(snap: SchemaSnapshot, item: CatalogItem, t: Table): TabContent {
  const lines: Line[] = [[seg(`Outgoing (${t.foreignKeys.length}) — this table references`, 'title', true)]];
  const selectable: TabContent['selectable'] = [];
  for (const f of t.foreignKeys) {
    selectable.push({ line: lines.length, target: f.references.table });
    const acts = [f.onDelete !== 'NO ACTION' && `on delete ${action(f.onDelete)}`, f.onUpdate !== 'NO ACTION' && `on update ${action(f.onUpdate)}`].filter(Boolean).join(', ');
    lines.push([seg(`(${f.columns.join(', ')}) `), seg('→ ', 'muted'), seg(`${f.references.table}`, 'accent', true), seg(`(${f.references.columns.join(', ')})`), seg(`  ${f.name}${acts ? `  ${acts}` : ''}`, 'muted')]);
  }
  if (!t.foreignKeys.length) lines.push([seg('none', 'muted')]);
  const inc = incomingFks(snap, `${item.schema}.${item.name}`);
  lines.push(blank, [seg(`Incoming (${inc.length}) — referenced by`, 'title', true)]);
  for (const { from, fk } of inc) {
    selectable.push({ line: lines.length, target: from });
    lines.push([seg(from, 'accent', true), seg(`(${fk.columns.join(', ')})`), seg(' → ', 'muted'), seg(`(${fk.references.columns.join(', ')})`), seg(`  ${fk.name}${fk.onDelete !== 'NO ACTION' ? `  on delete ${action(fk.onDelete)}` : ''}`, 'muted')]);
  }
  if (!inc.length) lines.push([seg('none', 'muted')]);
  lines.push(blank, [seg('Enter, then j/k to pick one; Enter again jumps to that table; Esc goes back', 'muted')]);
  return { lines, selectable };
}

function policyLines(t: Table): Line[] {
  const lines: Line[] = [[seg(`Row-level security: ${t.rls.enabled ? 'enabled' : 'disabled'}${t.rls.forced ? ' (forced)' : ''}`, t.rls.enabled ? 'ok' : 'muted')], blank];
  lines.push([seg(`Policies (${t.policies.length})`, 'title', true)]);
  if (t.policies.length) {
    lines.push(...grid(['name', 'command', 'roles', 'using', 'with check'], t.policies.map((p) => [
      p.name + (p.permissive ? '' : ' (restrictive)'), p.command, p.roles.join(', '), p.using ?? '', p.withCheck ?? '',
    ])));
  } else lines.push([seg('none', 'muted')]);
  lines.push(blank, [seg(`Triggers (${t.triggers.length})`, 'title', true)]);
  if (t.triggers.length) {
    lines.push(...grid(['name', 'when', 'events', 'level', 'function', 'enabled'], t.triggers.map((tr) => [
      tr.name, tr.timing, tr.events.join(' or '), tr.level, tr.function, tr.enabled,
    ])));
  } else lines.push([seg('none', 'muted')]);
  return lines;
}

function definitionLines(snap: SchemaSnapshot, item: CatalogItem, s: SchemaSnapshot['schemas'][string] | undefined): Line[] {
  if (item.kind === 'function') {
    const f = s?.functions[item.name];
    if (!f) return [plain('not in the snapshot')];
    return [
      [seg(`${f.kind} `, 'muted'), seg(`${item.schema}.${f.name}`, 'accent', true), seg(`(${f.args})`)],
      [seg('returns ', 'muted'), seg(f.returns ?? '(procedure)')],
      [seg(`${f.language}, ${f.volatility}${f.strict ? ', strict' : ''}${f.securityDefiner ? ', security definer' : ''}, parallel ${f.parallel}`, 'muted')],
      ...(f.comment ? [blank, [seg(f.comment, 'muted')]] : []),
    ];
  }
  const t = s?.types[item.name];
  if (!t) return [plain('not in the snapshot')];
  const head: Line = [seg(`${t.kind} `, 'muted'), seg(`${item.schema}.${t.name}`, 'accent', true)];
  const comment: Line[] = t.comment ? [[seg(t.comment, 'muted')]] : [];
  switch (t.kind) {
    case 'enum':
      return [head, ...comment, blank, [seg(`values (${t.labels.length})`, 'title')], ...t.labels.map((l) => [seg(`  ${l}`)])];
    case 'domain':
      return [head, ...comment, blank, [seg('base type ', 'muted'), seg(t.baseType)], ...(t.notNull ? [plain('not null')] : []),
        ...(t.default ? [[seg('default ', 'muted'), seg(t.default)]] : []), ...t.checks.map((c) => [seg(`check ${c.name}: `, 'muted'), seg(c.expression)])];
    case 'composite':
      return [head, ...comment, blank, ...columnLines(t.columns, undefined)];
    case 'range':
      return [head, ...comment, blank, [seg('subtype ', 'muted'), seg(t.subtype)]];
  }
  void snap;
}

function schemaSummary(snap: SchemaSnapshot, name: string): Line[] {
  const s = snap.schemas[name];
  if (!s) return [plain('not in the snapshot')];
  const stats = snap.stats?.relations ?? {};
  const tables = Object.values(s.tables);
  const bytes = tables.reduce((n, t) => n + (stats[`${name}.${t.name}`]?.totalBytes ?? 0), 0);
  const rows = tables.reduce((n, t) => n + Math.max(0, stats[`${name}.${t.name}`]?.rowEstimate ?? 0), 0);
  return [
    [seg('schema ', 'muted'), seg(name, 'accent', true), seg(`  owner ${s.owner}`, 'muted')],
    ...(s.comment ? [[seg(s.comment, 'muted')]] : []),
    blank,
    plain(`${tables.length} tables, ${Object.keys(s.views).length} views, ${Object.keys(s.materializedViews).length} materialized views`),
    plain(`${Object.keys(s.types).length} types, ${Object.keys(s.functions).length} functions, ${Object.keys(s.sequences).length} sequences`),
    plain(`about ${humanCount(rows)} rows, ${humanBytes(bytes)}`),
    blank,
    [seg('Enter folds or unfolds the schema in the list', 'muted')],
  ];
}
