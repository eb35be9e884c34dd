import type { SchemaSnapshot, Table } from '../../core/introspect/types.js';
import type { CatalogItem } from './catalog-items.js';
import { incomingFks } from './fk-index.js';
import { blank, seg, type Line } from './lines.js';

const cut = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, Math.max(1, w - 1)).join('') + '…' : s);

/**
 * The table in a box, tables that reference it on the left, tables it references on the right:
 *
 *   order_items.order_id ───►┌──────────┐───► customer_id → public.customers
 *       payments.order_id ───►│  orders  │
 *                             └──────────┘
 */
export function fkDiagram(snap: SchemaSnapshot, item: CatalogItem, t: Table, width: number): Line[] {
  const self = `${item.schema}.${item.name}`;
  const short = (q: string) => (q.startsWith(`${item.schema}.`) ? q.slice(item.schema.length + 1) : q);
  // table names first: when space runs out the column list is what gets cut
  const left = incomingFks(snap, self).map(({ from, fk }) => `${short(from)} (${fk.columns.join(',')})`);
  const right = t.foreignKeys.map((f) => `${short(f.references.table)} (${f.columns.join(',')})`);
  const name = cut(item.name, Math.max(8, Math.floor(width / 3)));
  const boxW = [...name].length + 4;
  const avail = Math.max(12, width - boxW - 8);
  const needL = Math.max(left.length ? 13 : 0, ...left.map((l) => [...l].length));
  const needR = Math.max(0, ...right.map((r) => [...r].length));
  const lw = Math.min(needL, Math.max(Math.floor(avail / 2), avail - needR));
  const sideW = Math.max(6, avail - lw);
  const n = Math.max(1, left.length, right.length);
  const lines: Line[] = [
    [seg(left.length ? 'referenced by'.padStart(lw).padEnd(lw + 4) : ' '.repeat(lw + 4), 'muted'), seg(' '.repeat(boxW)), seg(right.length ? '    references' : '', 'muted')],
    [seg(' '.repeat(lw + 4)), seg(`┌${'─'.repeat(boxW - 2)}┐`, 'accent')],
  ];
  for (let i = 0; i < n; i++) {
    const l = left[i];
    const r = right[i];
    const mid = i === Math.floor((n - 1) / 2) ? `│ ${name} │` : `│${' '.repeat(boxW - 2)}│`;
    lines.push([
      seg(l ? cut(l, lw).padStart(lw) : ' '.repeat(lw)),
      seg(l ? ' ──►' : '    ', 'muted'),
      seg(mid, 'accent', mid.includes(name)),
      seg(r ? '──► ' : '    ', 'muted'),
      seg(r ? cut(r, sideW) : ''),
    ]);
  }
  lines.push([seg(' '.repeat(lw + 4)), seg(`└${'─'.repeat(boxW - 2)}┘`, 'accent')]);
  if (!left.length && !right.length) lines.push(blank, [seg('no foreign keys in or out', 'muted')]);
  return lines;
}
