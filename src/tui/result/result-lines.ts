import type { Output, TableBlock } from '../../commands/output.js';
import { blank, seg, type Line } from '../browser/lines.js';

// wide enough for most values; h/l scroll to the rest. A lone column (EXPLAIN, a JSON blob) is not cut.
const MAX_CELL = 120;
const MAX_SINGLE = 2000;
const show = (c: string | null) => (c === null ? '∅' : c.replace(/\n/g, '↵'));
const cut = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, w - 1).join('') + '…' : s);

let memo: { o: Output; lines: Line[] } | undefined;

/** An Output as grid lines (cells capped in width); the view windows them both ways. */
export function resultLines(o: Output): Line[] {
  if (memo?.o === o) return memo.lines;
  const lines: Line[] = [];
  for (const b of o.blocks) {
    if (lines.length) lines.push(blank);
    if (b.kind === 'text') lines.push(...b.text.split('\n').map((l) => [seg(l)]));
    else lines.push(...(o.expanded ? records(b) : table(b)));
  }
  memo = { o, lines };
  return lines;
}

function table(b: TableBlock): Line[] {
  const cap = b.columns.length === 1 ? MAX_SINGLE : MAX_CELL;
  const widths = b.columns.map((c, i) => Math.min(cap, Math.max([...c].length, ...b.rows.map((r) => [...show(r[i] ?? null)].length))));
  const out: Line[] = [];
  if (b.title) out.push([seg(b.title, 'title', true)]);
  out.push(b.columns.map((c, i) => seg(`${cut(c, widths[i]!).padEnd(widths[i]!)}${i < b.columns.length - 1 ? ' │ ' : ''}`, 'accent', true)));
  out.push([seg(widths.map((w) => '─'.repeat(w)).join('─┼─'), 'muted')]);
  for (const r of b.rows) {
    out.push(b.columns.map((_, i) => {
      const v = r[i] ?? null;
      return seg(`${cut(show(v), widths[i]!).padEnd(widths[i]!)}${i < b.columns.length - 1 ? ' │ ' : ''}`, v === null ? 'muted' : undefined);
    }));
  }
  for (const f of b.footer ?? []) out.push([seg(f, 'muted')]);
  return out;
}

function records(b: TableBlock): Line[] {
  const w = Math.max(0, ...b.columns.map((c) => [...c].length));
  const out: Line[] = [];
  if (b.title) out.push([seg(b.title, 'title', true)]);
  b.rows.forEach((r, n) => {
    out.push([seg(`-[ RECORD ${n + 1} ]`, 'muted')]);
    b.columns.forEach((c, i) => out.push([seg(c.padEnd(w), 'accent'), seg(' │ ', 'muted'), seg(show(r[i] ?? null))]));
  });
  for (const f of b.footer ?? []) out.push([seg(f, 'muted')]);
  return out;
}
