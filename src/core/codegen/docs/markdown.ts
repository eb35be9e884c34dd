import type { SchemaSnapshot } from '../../introspect/types.js';
import { GENERATED_MARKER } from '../files.js';
import { columnDefault, indexPurpose, type DocTable, type Relation } from './model.js';
import { cell, fmtBytes, fmtRows, pageName } from './text.js';

export const MD_HEADER = `<!-- ${GENERATED_MARKER} docs: edits to this file are overwritten -->`;

const link = (q: string, from: 'index' | 'page') => {
  const i = q.indexOf('.');
  const file = `${pageName(q.slice(0, i), q.slice(i + 1))}.md`;
  return `[${q}](${from === 'index' ? `tables/${file}` : file})`;
};

function relationLine(r: Relation, side: 'out' | 'in'): string {
  const card = r.oneToOne ? 'one-to-one' : 'many-to-one';
  if (side === 'out') {
    return `- ${r.from.columns.join(', ')} → ${link(r.to.table, 'page')} (${r.to.columns.join(', ')}): ${card}, ${r.optional ? 'optional' : 'required'}; on delete ${r.onDelete.toLowerCase()} (\`${r.name}\`)`;
  }
  return `- ${link(r.from.table, 'page')} (${r.from.columns.join(', ')}) refers here: ${r.oneToOne ? 'at most one' : 'any number of'} row(s) per row; deleting a row here ${onDeleteWords(r.onDelete)} (\`${r.name}\`)`;
}

function onDeleteWords(action: string): string {
  switch (action) {
    case 'CASCADE': return 'deletes them too';
    case 'SET NULL': return 'clears their reference';
    case 'SET DEFAULT': return 'resets their reference to its default';
    case 'RESTRICT': return 'is refused while they exist';
    default: return 'is refused while they exist (no action)';
  }
}

export function tablePage(d: DocTable, snap: SchemaSnapshot, o: { stats: boolean }): string {
  const t = d.table;
  const lines: string[] = [MD_HEADER, '', `# ${d.qname}`, ''];
  const kind = t.kind === 'partitioned' ? `partitioned table (${t.partition?.key ?? ''})` : t.kind === 'foreign' ? 'foreign table' : 'table';
  lines.push(t.comment ? t.comment : '_No comment: what this table is for is not written down (COMMENT ON TABLE)._', '');
  const facts = [`Kind: ${kind}`];
  if (t.partition?.parent) facts.push(`partition of ${link(t.partition.parent, 'page')} for ${t.partition.bound ?? ''}`);
  if (t.inherits.length) facts.push(`inherits ${t.inherits.join(', ')}`);
  if (o.stats) {
    const st = snap.stats?.relations[d.qname];
    if (st) facts.push(`about ${fmtRows(st.rowEstimate)} rows, ${fmtBytes(st.totalBytes)}`);
  }
  if (t.rls.enabled) facts.push(`row-level security on${t.rls.forced ? ' (forced)' : ''}`);
  lines.push(facts.join(' · '), '');

  lines.push('## Columns', '', '| column | type | null | default | comment |', '|---|---|---|---|---|');
  for (const c of t.columns) {
    const key = t.primaryKey?.columns.includes(c.name) ? ' 🔑' : '';
    lines.push(`| ${cell(c.name)}${key} | ${cell(c.type)} | ${c.notNull ? 'not null' : 'null'} | ${cell(columnDefault(c))} | ${cell(c.comment ?? '')} |`);
  }
  lines.push('');

  lines.push('## Keys', '');
  lines.push(t.primaryKey ? `- Primary key \`${t.primaryKey.name}\`: ${t.primaryKey.columns.join(', ')}` : '- **No primary key.**');
  for (const u of t.uniques) lines.push(`- Unique \`${u.name}\`: ${u.columns.join(', ')}${u.nullsNotDistinct ? ' (NULLS NOT DISTINCT)' : ''}`);
  lines.push('');

  if (t.indexes.length) {
    lines.push('## Indexes', '', '| index | method | keys | serves |', '|---|---|---|---|');
    for (const i of t.indexes) lines.push(`| ${cell(i.name)} | ${i.method}${i.unique ? ', unique' : ''} | ${cell(i.keys.map((k) => k.column ?? k.expression ?? '').join(', '))} | ${cell(indexPurpose(t, i))} |`);
    lines.push('');
  }

  lines.push('## Relationships', '');
  if (!d.outgoing.length && !d.incoming.length) lines.push('_None: no foreign key points to or from this table._');
  for (const r of d.outgoing) lines.push(relationLine(r, 'out'));
  for (const r of d.incoming) lines.push(relationLine(r, 'in'));
  lines.push('');

  if (d.rules.length) {
    lines.push('## Business rules', '', ...d.rules.map((r) => `- ${r}`), '');
  }
  if (t.policies.length || t.triggers.length) {
    lines.push('## Policies and triggers', '');
    for (const p of t.policies) lines.push(`- Policy \`${p.name}\` (${p.permissive ? 'permissive' : 'restrictive'}, ${p.command} to ${p.roles.join(', ')})${p.using ? `: rows where ${p.using}` : ''}${p.withCheck ? `; new rows must satisfy ${p.withCheck}` : ''}${p.comment ? ` — ${p.comment}` : ''}`);
    for (const g of t.triggers) lines.push(`- Trigger \`${g.name}\`: ${g.timing.toLowerCase()} ${g.events.join(' or ').toLowerCase()} for each ${g.level.toLowerCase()}, runs ${g.function}()${g.enabled === 'disabled' ? ' (disabled)' : ''}`);
    lines.push('');
  }
  lines.push('## Checklist', '');
  if (!d.findings.length) lines.push('_No findings._');
  for (const f of d.findings) lines.push(`- **${f.severity}** ${f.ruleId} ${f.name}: ${f.message}${f.fix?.sql ? ` — fix: \`${f.fix.sql.split('\n')[0]}\`` : ''}`);
  lines.push('');
  return lines.join('\n');
}

export function indexPage(tables: DocTable[], snap: SchemaSnapshot, o: { stats: boolean; diagrams: string[] }): string {
  const lines: string[] = [MD_HEADER, '', '# Schema documentation', ''];
  lines.push(`PostgreSQL ${Math.floor(snap.server.versionNum / 10000)} (${snap.server.flavor}); ${Object.keys(snap.schemas).length} schema(s), ${tables.length} table(s).`, '');
  if (o.diagrams.length) lines.push('Diagrams: ' + o.diagrams.map((d) => `[${d}](${d})`).join(' · '), '');
  for (const schema of Object.keys(snap.schemas).sort()) {
    const s = snap.schemas[schema]!;
    lines.push(`## ${schema}`, '');
    if (s.comment) lines.push(s.comment, '');
    const ts = tables.filter((t) => t.schema === schema && !t.table.partition?.parent);
    if (ts.length) {
      lines.push(o.stats ? '| table | rows | size | purpose |' : '| table | purpose |', o.stats ? '|---|---:|---:|---|' : '|---|---|');
      for (const t of ts) {
        const st = snap.stats?.relations[t.qname];
        const purpose = cell(t.table.comment?.split('\n')[0] ?? '_no comment_');
        lines.push(o.stats ? `| ${link(t.qname, 'index')} | ${fmtRows(st?.rowEstimate)} | ${fmtBytes(st?.totalBytes)} | ${purpose} |` : `| ${link(t.qname, 'index')} | ${purpose} |`);
      }
      lines.push('');
    }
    const views = [...Object.values(s.views).map((v) => ({ v, kind: 'view' })), ...Object.values(s.materializedViews).map((v) => ({ v, kind: 'materialized view' }))].sort((a, b) => a.v.name.localeCompare(b.v.name));
    if (views.length) {
      lines.push('| view | kind | reads | purpose |', '|---|---|---|---|');
      for (const { v, kind } of views) lines.push(`| ${cell(`${schema}.${v.name}`)} | ${kind} | ${cell(v.dependsOn.join(', '))} | ${cell(v.comment ?? '_no comment_')} |`);
      lines.push('');
    }
    const enums = Object.values(s.types).filter((t) => t.kind === 'enum').sort((a, b) => a.name.localeCompare(b.name));
    for (const e of enums) if (e.kind === 'enum') lines.push(`- enum \`${schema}.${e.name}\`: ${e.labels.join(', ')}${e.comment ? ` — ${e.comment}` : ''}`);
    const domains = Object.values(s.types).filter((t) => t.kind === 'domain').sort((a, b) => a.name.localeCompare(b.name));
    for (const d of domains) if (d.kind === 'domain') lines.push(`- domain \`${schema}.${d.name}\`: ${d.baseType}${d.comment ? ` — ${d.comment}` : ''}`);
    if (enums.length || domains.length) lines.push('');
  }
  return lines.join('\n');
}
