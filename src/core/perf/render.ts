import { bytes, clip, ms, pct } from './format.js';
import type { IndexAdvice, PerformanceReport } from './types.js';

/** Sections of the printed report, shared by the text and Markdown renderers. */
interface Section {
  title: string;
  /** rows of cells; the first row is the header */
  table?: string[][];
  /** free lines (text) or bullets (Markdown) */
  items?: string[];
  /** SQL to copy, printed as a block */
  sql?: string[];
}

function adviceSection(advice: IndexAdvice[]): Section {
  return {
    title: `Index advice (${advice.length})`,
    items: advice.length ? advice.map((a) => `${a.verified ? 'verified' : 'UNVERIFIED'} ${a.table} (${a.columns.join(', ')})${a.costBefore !== undefined ? `: cost ${a.costBefore} → ${a.costAfter}` : ''} — ${a.reason}`) : ['no index would cut a statement\'s cost enough'],
    sql: advice.map((a) => a.sql),
  };
}

function sections(r: PerformanceReport, o: { indexesOnly?: boolean }): Section[] {
  const p = r.performance_analysis;
  const src = p.sources;
  const out: Section[] = [];
  const srcLines = [
    `database: ${src.database ?? 'none (log analysis only)'} · pg_stat_statements: ${src.pgStatStatements}${src.statsReset ? ` (since ${src.statsReset})` : ''} · HypoPG: ${src.hypopg}`,
    ...src.logs.map((l) => `log ${l.file}: ${l.format}, ${l.lines} lines, ${l.executions} executions${l.unreadable ? `, ${l.unreadable} unreadable lines (first: ${clip(l.firstUnreadable ?? '', 80)})` : ''}`),
    ...src.notes,
  ];
  out.push({ title: 'Sources', items: srcLines });
  if (o.indexesOnly) return [...out, adviceSection(p.index_advice)];
  const fq = p.query_patterns.frequent_queries;
  out.push({
    title: `Frequent queries (${fq.length})`,
    table: [['calls', 'total', 'mean', 'rows', 'query'], ...fq.map((q) => [String(q.calls), ms(q.totalMs), ms(q.meanMs), q.rows === undefined ? '' : String(q.rows), clip(q.query, 90)])],
  });
  out.push({
    title: `Slow queries (${p.slow_queries.length})`,
    items: p.slow_queries.length ? p.slow_queries.map((q) => `${ms(q.meanMs)} mean × ${q.calls}: ${clip(q.query, 100)}${q.plan ? `\n    plan cost ${q.plan.totalCost}: ${q.plan.summary.join('; ')}${q.plan.insights.map((i) => `\n    ${i.severity} ${i.id}: ${i.message} → ${i.action}`).join('')}` : ''}`) : ['none over the threshold'],
  });
  out.push({
    title: `N+1 bursts (${p.n_plus_one.length})`,
    items: p.n_plus_one.length ? p.n_plus_one.map((n) => `${n.executions} × ${clip(n.query, 80)} in ${n.bursts} burst${n.bursts === 1 ? '' : 's'} (largest ${n.maxBurst}, ${ms(n.totalMs)}, session ${n.session})\n    after: ${clip(n.after, 90)}\n    fix: ${n.fix}`)
      : [src.logs.length ? 'none found in the logs' : 'give a server log (--log FILE, with log_min_duration_statement = 0) to find N+1 bursts'],
  });
  out.push(adviceSection(p.index_advice));
  const h = p.health;
  const healthItems: string[] = [];
  if (h.connections) healthItems.push(`connections: ${h.connections.total} of ${h.connections.max} (${h.connections.byState.map((s) => `${s.state} ${s.count}`).join(', ')}); idle in transaction ${h.connections.idleInTransaction}`);
  if (h.cacheHit) healthItems.push(`cache hit: database ${pct(h.cacheHit.database)}, tables ${pct(h.cacheHit.tables)}, indexes ${pct(h.cacheHit.indexes)} (aim for ≥ 99 %)`);
  for (const q of h.longRunning) healthItems.push(`long-running: pid ${q.pid} ${q.state} for ${q.seconds.toFixed(0)} s: ${clip(q.query, 80)}  (SELECT pg_cancel_backend(${q.pid});)`);
  for (const b of h.blocking) healthItems.push(`blocked: pid ${b.pid} waits ${b.seconds.toFixed(0)} s on ${b.blockedBy.join(', ')}${b.relation ? ` for ${b.mode} on ${b.relation}` : ''}: ${clip(b.query, 70)}`);
  for (const f of h.findings) healthItems.push(`${f.ruleId} ${f.severity}: ${f.message}${f.fix?.sql ? `\n    ${f.fix.sql}` : ''}`);
  healthItems.push(...h.notes);
  out.push({ title: 'Health', items: healthItems.length ? healthItems : ['no database connected'] });
  if (h.sizes.length) {
    out.push({
      title: 'Largest tables and indexes',
      table: [['name', 'kind', 'size', 'total', 'rows', 'est. bloat', 'scans'], ...h.sizes.map((s) => [s.name, s.kind, bytes(s.bytes), bytes(s.totalBytes), String(Math.round(s.rows)), s.bloatBytes === undefined ? '' : bytes(s.bloatBytes), s.scans === undefined ? '' : String(s.scans)])],
    });
  }
  out.push({ title: `Bottlenecks (${p.bottlenecks.length})`, items: p.bottlenecks.length ? p.bottlenecks.map((b) => `${b.table}: ${b.issue}\n    → ${b.solution}`) : ['none found'] });
  // index advice and N+1 fixes have their own sections above
  const rest = p.query_patterns.recommendations.filter((x) => x.id !== 'index-advice' && x.id !== 'n-plus-one');
  out.push({ title: `Other recommendations (${rest.length})`, items: rest.length ? rest.map((x) => `[${x.id}] ${x.message}${x.sql ? `\n    ${x.sql}` : ''}`) : ['none'] });
  return out;
}

function alignRows(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** The report for a terminal: sections with aligned tables, SQL ready to copy. */
export function reportText(r: PerformanceReport, o: { indexesOnly?: boolean } = {}): string {
  const lines: string[] = [];
  for (const s of sections(r, o)) {
    lines.push(s.title, '-'.repeat(s.title.length));
    if (s.table) lines.push(...alignRows(s.table));
    if (s.items) lines.push(...s.items.map((i) => `  ${i}`));
    if (s.sql?.length && o.indexesOnly) lines.push('', ...s.sql);
    lines.push('');
  }
  return lines.join('\n');
}

/** The report as Markdown (a PR comment, a wiki page). */
export function reportMarkdown(r: PerformanceReport, o: { indexesOnly?: boolean } = {}): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['# Performance analysis', ''];
  for (const s of sections(r, o)) {
    lines.push(`## ${s.title}`, '');
    if (s.table) {
      const [head, ...body] = s.table;
      lines.push(`| ${head!.join(' | ')} |`, `|${head!.map(() => ' --- ').join('|')}|`, ...body.map((row) => `| ${row.map((c) => esc(/\b(SELECT|UPDATE|DELETE|INSERT|WITH)\b/i.test(c) ? `\`${c}\`` : c)).join(' | ')} |`));
    }
    if (s.items) lines.push(...s.items.map((i) => `- ${i.replace(/\n\s+/g, '<br>')}`));
    if (s.sql?.length) lines.push('', '```sql', ...s.sql, '```');
    lines.push('');
  }
  return lines.join('\n');
}

/** `--indexes`: only the CREATE INDEX statements, one per line, each with its reason as a comment. */
export function indexesSql(advice: IndexAdvice[]): string {
  if (!advice.length) return '-- no index advice: no statement would get at least 50 % cheaper\n';
  return advice.map((a) => `-- ${a.verified ? '' : 'UNVERIFIED: '}${a.reason}\n${a.sql}`).join('\n') + '\n';
}
