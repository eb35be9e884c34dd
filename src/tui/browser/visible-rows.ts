import type { CatalogItem } from './catalog-items.js';

let memo: { items: readonly CatalogItem[]; filter: string; collapsed: Record<string, true>; out: CatalogItem[] } | undefined;

/**
 * The rows the list shows: every item, minus those inside folded schemas; with a filter, the
 * matching objects under their schema rows (folding is ignored while filtering, so a match is
 * never hidden). Memoised: with 10,000 relations this runs on each keystroke that moves the cursor.
 */
export function visibleRows(items: readonly CatalogItem[], filter: string, collapsed: Record<string, true>): CatalogItem[] {
  if (memo && memo.items === items && memo.filter === filter && memo.collapsed === collapsed) return memo.out;
  const f = filter.trim().toLowerCase();
  const out: CatalogItem[] = [];
  if (!f) {
    for (const it of items) if (it.kind === 'schema' || !collapsed[it.schema]) out.push(it);
  } else {
    let header: CatalogItem | undefined;
    let headerShown = false;
    for (const it of items) {
      if (it.kind === 'schema') {
        header = it;
        headerShown = false;
        continue;
      }
      if (!it.search.includes(f)) continue;
      if (header && !headerShown && header.schema === it.schema) {
        out.push(header);
        headerShown = true;
      }
      out.push(it);
    }
  }
  memo = { items, filter, collapsed, out };
  return out;
}

/** The window of rows to draw: `height` rows around the cursor, kept in view. */
export function windowStart(total: number, cursor: number, height: number, prevStart: number): number {
  if (total <= height) return 0;
  let start = Math.min(Math.max(prevStart, cursor - height + 1), cursor);
  start = Math.max(0, Math.min(start, total - height));
  return start;
}
