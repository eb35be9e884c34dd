import type { Output, TableBlock } from '../../commands/output.js';
import { blank, seg, type Line } from '../browser/lines.js';
import type { ThemeToken } from '../theme/theme.js';

// wide enough for most values; h/l scroll to the rest. A lone column (EXPLAIN, a JSON blob) is not cut.
const MAX_CELL = 120;
const MAX_SINGLE = 2000;
const SEP = ' │ ';
const show = (c: string | null) => (c === null ? '∅' : c.replace(/\n/g, '↵'));
const cut = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, w - 1).join('') + '…' : s);

/** A place the cursor can stand: one data row of a table block (or, in \x mode, one field of a record). */
export interface GridStop {
  block: number;
  row: number;
  /** the line it is drawn on */
  line: number;
  /** set in \x mode, where each field has its own line */
  col?: number;
}

export interface ResultGrid {
  lines: Line[];
  stops: GridStop[];
  /** per block index: where each column starts and how wide it is, in characters */
  cols: Map<number, { x: number; w: number }[]>;
  /** the widest line, in characters */
  width: number;
}

let memo: { o: Output; grid: ResultGrid } | undefined;

/** An Output as grid lines (cells capped in width) and the cursor stops on them; the view windows both ways. */
export function resultGrid(o: Output): ResultGrid {
  if (memo?.o === o) return memo.grid;
  const g: ResultGrid = { lines: [], stops: [], cols: new Map(), width: 0 };
  o.blocks.forEach((b, i) => {
    if (g.lines.length) g.lines.push(blank);
    if (b.kind === 'text') g.lines.push(...b.text.split('\n').map((l) => [seg(l)]));
    else if (o.expanded) records(b, i, g);
    else table(b, i, g);
  });
  for (const l of g.lines) g.width = Math.max(g.width, l.reduce((n, x) => n + [...x.text].length, 0));
  memo = { o, grid: g };
  return g;
}

function table(b: TableBlock, block: number, g: ResultGrid): void {
  const cap = b.columns.length === 1 ? MAX_SINGLE : MAX_CELL;
  const widths = b.columns.map((c, i) => Math.min(cap, Math.max([...c].length, ...b.rows.map((r) => [...show(r[i] ?? null)].length))));
  let x = 0;
  g.cols.set(block, widths.map((w) => ({ x: (x += w + SEP.length) - w - SEP.length, w })));
  const last = b.columns.length - 1;
  if (b.title) g.lines.push([seg(b.title, 'title', true)]);
  // a cell and its separator are separate segments so the cursor can mark just the cell
  const cells = (text: (i: number) => string, tone: (i: number) => ThemeToken | undefined, bold?: boolean): Line =>
    widths.flatMap((w, i) => [seg(cut(text(i), w).padEnd(w), tone(i), bold), ...(i < last ? [seg(SEP, 'muted')] : [])]);
  g.lines.push(cells((i) => b.columns[i]!, () => 'accent', true));
  g.lines.push([seg(widths.map((w) => '─'.repeat(w)).join('─┼─'), 'muted')]);
  b.rows.forEach((r, row) => {
    g.stops.push({ block, row, line: g.lines.length });
    g.lines.push(cells((i) => show(r[i] ?? null), (i) => ((r[i] ?? null) === null ? 'muted' : undefined)));
  });
  for (const f of b.footer ?? []) g.lines.push([seg(f, 'muted')]);
}

function records(b: TableBlock, block: number, g: ResultGrid): void {
  const w = Math.max(0, ...b.columns.map((c) => [...c].length));
  if (b.title) g.lines.push([seg(b.title, 'title', true)]);
  b.rows.forEach((r, row) => {
    g.lines.push([seg(`-[ RECORD ${row + 1} ]`, 'muted')]);
    b.columns.forEach((c, col) => {
      g.stops.push({ block, row, col, line: g.lines.length });
      g.lines.push([seg(c.padEnd(w), 'accent'), seg(SEP, 'muted'), seg(show(r[col] ?? null))]);
    });
  });
  for (const f of b.footer ?? []) g.lines.push([seg(f, 'muted')]);
}

/** The cursor line with its cell marked (inverse, so it shows in the no-colour theme too). */
export function markCell(line: Line, stop: GridStop, col: number): Line {
  const at = stop.col !== undefined ? 2 : Math.min(col, (line.length - 1) / 2) * 2;
  return line.map((s, i) => (i === at ? { ...s, inverse: true } : s));
}
