import { caretLines } from './sql-error.js';
import type { Block, Output, TableBlock } from './output.js';

/** An Output as the text psql would print (aligned, or expanded records with \x). */
export function formatOutput(o: Output): string {
  const parts = o.blocks.map((b) => formatBlock(b, o.expanded ?? false));
  if (o.error) parts.push([`ERROR:  ${o.error}`, ...(o.errorAt ? caretLines(o.errorAt) : [])].join('\n'));
  // with blocks printed the status only repeats them ("(3 rows)"); timing is the exception
  if (o.status && !o.error && (!o.blocks.length || /Time: /.test(o.status))) parts.push(o.blocks.length ? o.status.replace(/^.*· /, '') : o.status);
  return parts.filter((p) => p.length).map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('\n');
}

function formatBlock(b: Block, expanded: boolean): string {
  if (b.kind === 'text') return b.text;
  const body = expanded ? expandedTable(b) : alignedTable(b);
  return [b.title, body, ...(b.footer ?? [])].filter((x) => x !== undefined).join('\n');
}

const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const show = (c: string | null) => (c ?? '').replace(/\n/g, '↵');

export function alignedTable(b: TableBlock): string {
  const widths = b.columns.map((c, i) => Math.max(width(c), ...b.rows.map((r) => width(show(r[i] ?? null)))));
  const header = b.columns.map((c, i) => ` ${pad(c, widths[i]!)} `).join('|');
  const rule = widths.map((w) => '-'.repeat(w + 2)).join('+');
  const rows = b.rows.map((r) => b.columns.map((_, i) => ` ${pad(show(r[i] ?? null), widths[i]!)} `).join('|').trimEnd());
  return [header.trimEnd(), rule, ...rows].join('\n');
}

function expandedTable(b: TableBlock): string {
  const w = Math.max(0, ...b.columns.map(width));
  return b.rows
    .map((r, n) => [`-[ RECORD ${n + 1} ]${'-'.repeat(Math.max(0, w - 8))}`, ...b.columns.map((c, i) => `${pad(c, w)} | ${show(r[i] ?? null)}`)].join('\n'))
    .join('\n');
}
