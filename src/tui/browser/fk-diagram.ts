import type { ForeignKey, SchemaSnapshot, Table } from '../../core/introspect/types.js';
import type { CatalogItem } from './catalog-items.js';
import { incomingFks } from './fk-index.js';
import { blank, seg, type Line, type Seg } from './lines.js';

const cut = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, Math.max(1, w - 1)).join('') + '…' : s);
const pad = (s: string, w: number) => cut(s, w).padEnd(w);

/** One table drawn as a box: its name, then key columns (◆ primary key, → foreign key). */
interface Box { q: string; title: string; rows: string[] }

function boxOf(snap: SchemaSnapshot, q: string, short: (q: string) => string, highlight: string[] = []): Box {
  const [s, n] = [q.slice(0, q.indexOf('.')), q.slice(q.indexOf('.') + 1)];
  const t = snap.schemas[s]?.tables[n];
  const pk = t?.primaryKey?.columns ?? [];
  const fk = new Set(t?.foreignKeys.flatMap((f) => f.columns) ?? []);
  const rows = (t?.columns ?? []).filter((c) => pk.includes(c.name) || fk.has(c.name) || highlight.includes(c.name))
    .map((c) => `${pk.includes(c.name) ? '◆' : '→'} ${c.name}`);
  return { q, title: short(q), rows: rows.length ? rows : ['(no keys)'] };
}

const unique = (t: Table | undefined, cols: string[]) =>
  !!t && [t.primaryKey, ...t.uniques].some((k) => k && k.columns.length === cols.length && k.columns.every((c) => cols.includes(c)));

/**
 * Crow's-foot ends, read from the line towards each box: the mark nearest a box is the most of it
 * (`>` many, `┼` one), the outer one the least (`○` none, `┼` one). A child holds the key.
 */
function connector(child: Table | undefined, fk: ForeignKey, width: number): { childEnd: string; parentEnd: string; line: string } {
  const optional = fk.columns.some((c) => !child?.columns.find((x) => x.name === c)?.notNull);
  return { childEnd: unique(child, fk.columns) ? '┼○' : '>○', parentEnd: optional ? '○┼' : '┼┼', line: '─'.repeat(Math.max(1, width - 4)) };
}

/**
 * The table and its foreign-key neighbours as boxes: tables that reference it on the left, tables
 * it references on the right, joined by crow's-foot lines. Each neighbour's name line is selectable,
 * so j/k and Enter walk the schema along its relations.
 *
 *   ┌ order_items ──┐              ┌ orders ───────┐              ┌ customers ─┐
 *   │ ◆ order_id    │>○──────────┼┼│ ◆ id          │>○──────────┼┼│ ◆ id       │
 *   └───────────────┘              │ → customer_id │              └────────────┘
 */
export function fkDiagram(snap: SchemaSnapshot, item: CatalogItem, t: Table, width: number): { lines: Line[]; selectable: { line: number; target: string }[] } {
  const self = `${item.schema}.${item.name}`;
  const short = (q: string) => (q.startsWith(`${item.schema}.`) ? q.slice(item.schema.length + 1) : q);
  const tableOf = (q: string) => snap.schemas[q.slice(0, q.indexOf('.'))]?.tables[q.slice(q.indexOf('.') + 1)];
  const left = incomingFks(snap, self).filter((x) => x.from !== self).map(({ from, fk }) => ({ box: boxOf(snap, from, short, fk.columns), fk, child: tableOf(from) }));
  const right = t.foreignKeys.filter((f) => f.references.table !== self).map((fk) => ({ box: boxOf(snap, fk.references.table, short), fk, child: t }));
  const selfRefs = t.foreignKeys.filter((f) => f.references.table === self);
  const center = boxOf(snap, self, short);
  const lines: Line[] = [];
  const selectable: { line: number; target: string }[] = [];
  if (!left.length && !right.length) {
    lines.push(...drawBox(center, Math.min(width, 40)).map((l) => [seg(l, 'accent')]));
    lines.push(blank, [seg('no foreign keys in or out', 'muted')]);
    return { lines, selectable };
  }
  const sides = (left.length ? 1 : 0) + (right.length ? 1 : 0);
  const cw = Math.min(30, Math.max(14, ...[center.title, ...center.rows].map((s) => [...s].length + 4)));
  // narrow panes get shorter links before narrower boxes, so the diagram never overflows
  const link = width - cw >= sides * (10 + 14) ? 10 : 6;
  const sw = Math.max(8, Math.min(30, Math.floor((width - cw - sides * link) / Math.max(1, sides))));
  // every neighbour is 3 rows (top, name row, first key row, bottom); the centre box spans them all
  const slot = 4;
  const height = Math.max(center.rows.length + 2, slot * Math.max(left.length, right.length));
  const leftRows = stack(left.map((x) => x.box), sw, height, slot);
  const rightRows = stack(right.map((x) => x.box), sw, height, slot);
  const centerRows = drawBox(center, cw, height);
  lines.push([seg(left.length ? pad('referenced by', sw + link) : '', 'muted'), seg(pad('', cw)), seg(right.length ? `${' '.repeat(link)}references` : '', 'muted')]);
  for (let r = 0; r < height; r++) {
    const parts: Seg[] = [];
    const li = Math.floor(r / slot);
    const ri = Math.floor(r / slot);
    const onLink = r % slot === 1;
    if (left.length) {
      parts.push(seg(leftRows[r] ?? ' '.repeat(sw), left[li] && r % slot !== 3 ? undefined : 'muted', r % slot === 1 && !!left[li]));
      if (onLink && left[li]) {
        const c = connector(left[li]!.child, left[li]!.fk, link);
        parts.push(seg(`${c.childEnd}${c.line}${c.parentEnd}`, 'muted'));
        selectable.push({ line: lines.length, target: left[li]!.box.q });
      } else parts.push(seg(' '.repeat(link)));
    }
    parts.push(seg(centerRows[r] ?? ' '.repeat(cw), 'accent', r === 1));
    if (right.length) {
      if (onLink && right[ri]) {
        const c = connector(right[ri]!.child, right[ri]!.fk, link);
        parts.push(seg(`${c.childEnd}${c.line}${c.parentEnd}`, 'muted'));
        selectable.push({ line: lines.length, target: right[ri]!.box.q });
      } else parts.push(seg(' '.repeat(link)));
      parts.push(seg(rightRows[r] ?? '', undefined, r % slot === 1 && !!right[ri]));
    }
    lines.push(parts);
  }
  if (selfRefs.length) lines.push(blank, [seg(`also references itself: ${selfRefs.map((f) => f.columns.join(', ')).join('; ')}`, 'muted')]);
  lines.push(blank, [seg('>○ many (or none) · ┼○ at most one · ┼┼ exactly one · ○┼ zero or one', 'muted')], [seg('Enter, then j/k pick a table and Enter goes there', 'muted')]);
  // selection is ordered top to bottom, left before right on the same row
  selectable.sort((a, b) => a.line - b.line);
  return { lines, selectable };
}

function drawBox(b: Box, w: number, height = b.rows.length + 2): string[] {
  const inner = w - 2;
  const title = ` ${cut(b.title, inner - 3)} `;
  const out = [`┌${title}${'─'.repeat(Math.max(0, inner - [...title].length))}┐`];
  for (let i = 0; i < height - 2; i++) out.push(`│${pad(b.rows[i] ? ` ${b.rows[i]}` : '', inner)}│`);
  out.push(`└${'─'.repeat(inner)}┘`);
  return out;
}

/** Neighbour boxes one under the other, each `slot` rows: the title border, its first key, the rest, the bottom. */
function stack(boxes: Box[], w: number, height: number, slot: number): string[] {
  const rows: string[] = [];
  for (const b of boxes) {
    const drawn = drawBox({ ...b, rows: [b.rows[0] ?? '', b.rows.length > 2 ? `… ${b.rows.length - 1} more` : (b.rows[1] ?? '')] }, w, slot - 0);
    rows.push(...drawn.slice(0, slot));
  }
  while (rows.length < height) rows.push(' '.repeat(w));
  return rows;
}
