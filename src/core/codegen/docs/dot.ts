import { GENERATED_MARKER } from '../files.js';
import type { DocTable } from './model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Graphviz DOT: one cluster per schema, tables as HTML-label boxes with their key columns, FKs as edges. */
export function dotDiagram(tables: DocTable[], o: { title?: string } = {}): string {
  const lines = [`// ${GENERATED_MARKER} docs`, 'digraph schema {', '  rankdir=LR;', '  node [shape=plain, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=9, dir=both];'];
  if (o.title) lines.push(`  label=${quote(o.title)};`);
  const schemas = [...new Set(tables.map((t) => t.schema))].sort();
  schemas.forEach((schema, n) => {
    lines.push(`  subgraph cluster_${n} {`, `    label=${quote(schema)};`);
    for (const t of tables.filter((x) => x.schema === schema)) {
      const pk = t.table.primaryKey?.columns ?? [];
      const fk = new Set(t.table.foreignKeys.flatMap((f) => f.columns));
      const rows = t.table.columns.filter((c) => pk.includes(c.name) || fk.has(c.name))
        .map((c) => `<tr><td align="left">${pk.includes(c.name) ? '<b>' : ''}${esc(c.name)}${pk.includes(c.name) ? '</b>' : ''}</td><td align="left"><font color="#666666">${esc(c.type)}</font></td></tr>`);
      lines.push(`    ${quote(t.qname)} [label=<<table border="0" cellborder="1" cellspacing="0"><tr><td colspan="2" bgcolor="#dde8f0"><b>${esc(t.name)}</b></td></tr>${rows.join('')}</table>>];`);
    }
    lines.push('  }');
  });
  const inSet = new Set(tables.map((t) => t.qname));
  for (const t of tables) {
    for (const r of t.outgoing) {
      if (!inSet.has(r.to.table)) continue;
      // child -> parent: crow's foot at the child (many) or a bar (one), a bar or a bar-and-ring at the parent
      const tail = r.oneToOne ? 'teeodot' : 'crowodot';
      const head = r.optional ? 'teeodot' : 'teetee';
      lines.push(`  ${quote(t.qname)} -> ${quote(r.to.table)} [label=${quote(r.from.columns.join(', '))}, arrowtail=${tail}, arrowhead=${head}${r.optional ? ', style=dashed' : ''}];`);
    }
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
