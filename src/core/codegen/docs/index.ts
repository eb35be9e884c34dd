import type { SchemaSnapshot } from '../../introspect/types.js';
import type { Finding } from '../../rules/types.js';
import type { GeneratedFile } from '../files.js';
import { dotDiagram } from './dot.js';
import { clusters, neighbourhood } from './graph-select.js';
import { markdownToHtml } from './html.js';
import { indexPage, tablePage } from './markdown.js';
import { erDiagram } from './mermaid.js';
import { docTables } from './model.js';
import { pageName, safeName } from './text.js';

export { loadParser, describeCheck } from './business-rules.js';
export { erDiagram } from './mermaid.js';
export { dotDiagram } from './dot.js';
export { docTables, type DocTable } from './model.js';
export { neighbourhood, clusters } from './graph-select.js';

export interface DocsOptions {
  format?: 'markdown' | 'html';
  /** include row estimates and sizes (they change without DDL, so leave them out for docs kept in git) */
  stats?: boolean;
  /** hops of the per-table neighbourhood diagram */
  hops?: number;
  /** most tables in one diagram before a schema is split into clusters */
  maxPerDiagram?: number;
}

/** File extensions the docs generator owns in its output directory (stale ones are pruned). */
export const DOCS_EXTENSIONS = ['.md', '.html', '.mmd', '.dot'];

/**
 * Documentation for a snapshot: an index, one page per table (with its neighbourhood diagram and
 * checklist findings), Mermaid and DOT diagrams per schema cluster. Pure and deterministic.
 * Call `loadParser()` once before (it reads CHECK expressions with the PostgreSQL parser).
 */
export function generateDocs(snap: SchemaSnapshot, findings: Finding[], o: DocsOptions = {}): GeneratedFile[] {
  const stats = o.stats ?? true;
  const max = o.maxPerDiagram ?? 40;
  const tables = docTables(snap, findings);
  const files: GeneratedFile[] = [];
  const diagrams: string[] = [];
  for (const schema of Object.keys(snap.schemas).sort()) {
    const inSchema = tables.filter((t) => t.schema === schema && !t.table.partition?.parent);
    const groups = clusters(inSchema, max);
    groups.forEach((g, n) => {
      const base = `diagrams/${safeName(schema)}${groups.length > 1 ? `.part-${n + 1}` : ''}`;
      const title = groups.length > 1 ? `${schema} (part ${n + 1} of ${groups.length})` : schema;
      files.push({ path: `${base}.mmd`, contents: erDiagram(g, { title }), kind: 'mermaid' });
      files.push({ path: `${base}.dot`, contents: dotDiagram(g, { title }), kind: 'dot' });
      diagrams.push(`${base}.mmd`);
    });
  }
  const all = tables.filter((t) => !t.table.partition?.parent);
  if (all.length <= max) {
    files.push({ path: 'diagrams/all.mmd', contents: erDiagram(all, { title: 'all schemas' }), kind: 'mermaid' });
    files.push({ path: 'diagrams/all.dot', contents: dotDiagram(all, { title: 'all schemas' }), kind: 'dot' });
    diagrams.unshift('diagrams/all.mmd');
  }
  const pages: { path: string; md: string; title: string }[] = [{ path: 'index', md: indexPage(tables, snap, { stats, diagrams }), title: 'Schema documentation' }];
  for (const t of tables) {
    const near = neighbourhood(tables, t.qname, o.hops ?? 1);
    const md = `${tablePage(t, snap, { stats })}\n## Diagram\n\n\`\`\`mermaid\n${erDiagram(near).split('\n').slice(1).join('\n')}\`\`\`\n`;
    pages.push({ path: `tables/${pageName(t.schema, t.name)}`, md, title: t.qname });
  }
  for (const p of pages) {
    if (o.format === 'html') files.push({ path: `${p.path}.html`, contents: markdownToHtml(p.md, p.title), kind: 'html' });
    else files.push({ path: `${p.path}.md`, contents: p.md, kind: 'markdown' });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
