/**
 * psql `\d`-style text for a table and for the relation list, built from a snapshot (shared by the
 * CLI `inspect` command, the REPL and the TUI).
 */
import type { ForeignKey, Index, RelationListItem, RelationStats, SchemaSnapshot, Table } from './types.js';

/** Bytes as psql's pg_size_pretty does it (bytes, kB, MB, GB, TB). */
export function prettyBytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 10240 && u < units.length - 1) { v /= 1024; u++; }
  return `${Math.round(v)} ${units[u]}`;
}

/** A text table with a header rule, like psql's aligned output. */
export function textTable(header: string[], rows: string[][]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => ' ' + r.map((c, i) => (c ?? '').padEnd(width[i]!)).join(' | ').trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w + 2)).join('+'), ...rows.map(line)].join('\n');
}

const qn = (schema: string, name: string) => `${schema}.${name}`;

function indexLine(i: Index): string {
  const keys = i.keys.map((k) => {
    let s = k.column ?? `(${k.expression})`;
    if (k.collation) s += ` COLLATE ${k.collation}`;
    if (k.opclass) s += ` ${k.opclass}`;
    if (k.desc) s += ' DESC';
    if (k.desc !== k.nullsFirst) s += k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
    return s;
  });
  const what = i.primary ? 'PRIMARY KEY, ' : i.constraint && i.unique ? 'UNIQUE CONSTRAINT, ' : i.unique ? 'UNIQUE, ' : i.exclusion ? 'EXCLUSION, ' : '';
  let s = `"${i.name}" ${what}${i.method} (${keys.join(', ')})`;
  if (i.include.length) s += ` INCLUDE (${i.include.join(', ')})`;
  if (i.nullsNotDistinct) s += ' NULLS NOT DISTINCT';
  if (i.predicate) s += ` WHERE ${i.predicate}`;
  if (!i.valid) s += ' INVALID';
  return s;
}

function fkText(f: ForeignKey): string {
  let s = `FOREIGN KEY (${f.columns.join(', ')}) REFERENCES ${f.references.table}(${f.references.columns.join(', ')})`;
  if (f.match !== 'SIMPLE') s += ` MATCH ${f.match}`;
  if (f.onUpdate !== 'NO ACTION') s += ` ON UPDATE ${f.onUpdate}`;
  if (f.onDelete !== 'NO ACTION') s += ` ON DELETE ${f.onDelete}${f.onDeleteSetColumns ? ` (${f.onDeleteSetColumns.join(', ')})` : ''}`;
  if (f.deferrable) s += f.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  if (!f.enforced) s += ' NOT ENFORCED';
  if (!f.validated) s += ' NOT VALID';
  return s;
}

/** Foreign keys in the snapshot that point at `schema.table`. */
export function referencedBy(snapshot: SchemaSnapshot, schema: string, table: string): { from: string; fk: ForeignKey }[] {
  const target = qn(schema, table);
  const out: { from: string; fk: ForeignKey }[] = [];
  for (const sch of Object.values(snapshot.schemas)) {
    for (const t of Object.values(sch.tables)) {
      for (const fk of t.foreignKeys) if (fk.references.table === target) out.push({ from: qn(sch.name, t.name), fk });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.fk.name < b.fk.name ? -1 : 1));
}

/** Partitions of a partitioned table, with their bounds. */
function partitionsOf(snapshot: SchemaSnapshot, parent: string): string[] {
  const out: string[] = [];
  for (const sch of Object.values(snapshot.schemas)) {
    for (const t of Object.values(sch.tables)) {
      if (t.partition?.parent === parent) out.push(`${qn(sch.name, t.name)} ${t.partition.bound ?? ''}`.trimEnd());
    }
  }
  return out.sort();
}

/** The `\d schema.table` description: columns, indexes, constraints, FKs both ways, policies, triggers, size. */
export function describeTable(snapshot: SchemaSnapshot, schema: string, t: Table, stats?: RelationStats): string {
  const kind = t.kind === 'partitioned' ? 'Partitioned table' : t.kind === 'foreign' ? 'Foreign table' : t.persistence === 'unlogged' ? 'Unlogged table' : 'Table';
  const out: string[] = [`${kind} "${qn(schema, t.name)}"`];
  if (t.comment) out.push(`Comment: ${t.comment}`);
  if (stats) {
    const rows = stats.rowEstimate < 0 ? 'not analysed yet' : `~${Math.round(stats.rowEstimate).toLocaleString('en-US')} rows`;
    out.push(`Size: ${prettyBytes(stats.totalBytes)} (table ${prettyBytes(stats.tableBytes)}, indexes ${prettyBytes(stats.indexBytes)}), ${rows}`);
  }
  const rows = t.columns.map((c) => [
    c.name, c.type, c.collation ?? '', c.notNull ? 'not null' : '',
    c.identity ? `generated ${c.identity.kind === 'always' ? 'always' : 'by default'} as identity`
      : c.generated ? `generated always as (${c.generated.expr})${c.generated.kind === 'stored' ? ' stored' : ''}` : c.default ?? '',
    c.comment ?? '',
  ]);
  out.push(textTable(['Column', 'Type', 'Collation', 'Nullable', 'Default', 'Description'], rows));
  const section = (title: string, lines: string[]) => { if (lines.length) out.push(`${title}:`, ...lines.map((l) => `    ${l}`)); };
  if (t.partition?.key) out.push(`Partition key: ${t.partition.key}`);
  if (t.partition?.parent) out.push(`Partition of: ${t.partition.parent} ${t.partition.bound ?? ''}`.trimEnd());
  section('Indexes', t.indexes.map(indexLine));
  section('Check constraints', t.checks.map((c) => `"${c.name}" CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}${c.validated ? '' : ' NOT VALID'}${c.enforced ? '' : ' NOT ENFORCED'}`));
  section('Exclusion constraints', t.exclusions.map((x) => `"${x.name}" ${x.definition}`));
  section('Foreign-key constraints', t.foreignKeys.map((f) => `"${f.name}" ${fkText(f)}`));
  section('Referenced by', referencedBy(snapshot, schema, t.name).map(({ from, fk }) => `TABLE "${from}" CONSTRAINT "${fk.name}" ${fkText(fk)}`));
  const pol = t.policies.map((p) => {
    let s = `POLICY "${p.name}"${p.permissive ? '' : ' AS RESTRICTIVE'}${p.command === 'ALL' ? '' : ` FOR ${p.command}`}`;
    if (!(p.roles.length === 1 && p.roles[0] === 'PUBLIC')) s += ` TO ${p.roles.join(', ')}`;
    if (p.using !== undefined) s += ` USING (${p.using})`;
    if (p.withCheck !== undefined) s += ` WITH CHECK (${p.withCheck})`;
    return s;
  });
  const rls = t.rls.enabled ? `Policies${t.rls.forced ? ' (forced row security enabled)' : ''}` : 'Policies (row security disabled)';
  if (pol.length || t.rls.enabled) { out.push(`${rls}:`, ...(pol.length ? pol : ['(none)']).map((l) => `    ${l}`)); }
  section('Triggers', t.triggers.map((tr) => {
    const events = tr.events.map((e) => (e === 'UPDATE' && tr.columns ? `UPDATE OF ${tr.columns.join(', ')}` : e)).join(' OR ');
    return `${tr.name} ${tr.timing} ${events} ON ${qn(schema, t.name)} FOR EACH ${tr.level} EXECUTE FUNCTION ${tr.function}()${tr.enabled === 'disabled' ? ' (disabled)' : ''}`;
  }));
  if (t.inherits.length) out.push(`Inherits: ${t.inherits.join(', ')}`);
  const parts = t.kind === 'partitioned' ? partitionsOf(snapshot, qn(schema, t.name)) : [];
  section(`Partitions (${parts.length})`, parts);
  if (t.accessMethod) out.push(`Access method: ${t.accessMethod}`);
  if (t.tablespace) out.push(`Tablespace: "${t.tablespace}"`);
  const opts = Object.entries(t.options);
  if (opts.length) out.push(`Options: ${opts.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (t.replicaIdentity) out.push(`Replica Identity: ${t.replicaIdentity.toUpperCase()}`);
  if (t.extension) out.push(`Member of extension: ${t.extension}`);
  return out.join('\n') + '\n';
}

/** The `\d` list of relations: schema, name, kind, row estimate and size. */
export function describeRelations(items: RelationListItem[]): string {
  if (!items.length) return 'No relations found.\n';
  const rows = items.map((r) => [
    r.schema, r.name, r.kind + (r.partitionOf ? ` (partition of ${r.partitionOf})` : ''),
    r.kind === 'view' || r.kind === 'sequence' ? '' : r.rowEstimate < 0 ? '?' : Math.round(r.rowEstimate).toLocaleString('en-US'),
    r.kind === 'view' ? '' : `~${prettyBytes(r.totalBytes)}`,
    r.comment ?? '',
  ]);
  return `List of relations\n${textTable(['Schema', 'Name', 'Type', 'Rows (est.)', 'Size (est.)', 'Description'], rows)}\n(${items.length} ${items.length === 1 ? 'row' : 'rows'})\n`;
}
