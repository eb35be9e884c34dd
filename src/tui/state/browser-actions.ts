import type { CatalogItem } from '../browser/catalog-items.js';
import { tabContent, tabsFor } from '../browser/detail-tabs.js';
import { visibleRows } from '../browser/visible-rows.js';
import type { Layout } from '../layout.js';
import type { AppState, BrowserState } from './app-state.js';
import type { Store } from './store.js';

/** The Browser's rows as the list shows them now. */
export function browserRows(s: AppState): CatalogItem[] {
  return s.catalog.items ? visibleRows(s.catalog.items, s.browser.filter, s.browser.collapsed) : [];
}

export function cursorIndex(s: AppState, rows = browserRows(s)): number {
  if (!rows.length) return -1;
  const i = s.browser.selected ? rows.findIndex((r) => r.key === s.browser.selected) : -1;
  if (i >= 0) return i;
  // the selection was filtered away: the first object (not its schema row) is the useful pick
  const firstObject = rows.findIndex((r) => r.kind !== 'schema');
  return firstObject >= 0 ? firstObject : 0;
}

export function selectedItem(s: AppState): CatalogItem | undefined {
  const rows = browserRows(s);
  return rows[cursorIndex(s, rows)];
}

/** Browser state updates, as functions of the store: views only call these. */
export class BrowserActions {
  readonly #store: Store<AppState>;
  readonly #layout: () => Layout;

  constructor(store: Store<AppState>, layout: () => Layout) {
    this.#store = store;
    this.#layout = layout;
  }

  #patch(p: Partial<BrowserState>): void {
    this.#store.set((s) => ({ browser: { ...s.browser, ...p } }));
  }

  #select(key: string | null): void {
    this.#patch({ selected: key, detailScroll: 0, detailScrollX: 0, detailCursor: 0 });
  }

  move(delta: number): void {
    const s = this.#store.get();
    if (s.browser.focus === 'detail') return this.#moveDetail(delta);
    const rows = browserRows(s);
    if (!rows.length) return;
    const i = Math.max(0, Math.min(rows.length - 1, cursorIndex(s, rows) + delta));
    this.#select(rows[i]!.key);
  }

  moveTo(where: 'top' | 'bottom'): void {
    const s = this.#store.get();
    if (s.browser.focus === 'detail') return this.#moveDetail(where === 'top' ? -1e9 : 1e9);
    const rows = browserRows(s);
    if (rows.length) this.#select(rows[where === 'top' ? 0 : rows.length - 1]!.key);
  }

  page(dir: 1 | -1): void {
    const l = this.#layout();
    this.move(dir * Math.max(1, (this.#store.get().browser.focus === 'detail' ? l.detailRows : l.listRows) - 1));
  }

  #content(s: AppState) {
    const item = selectedItem(s);
    const tabs = tabsFor(item);
    const tab = tabs[Math.min(s.browser.tab, tabs.length - 1)];
    if (!item || !tab || !s.catalog.snapshot) return undefined;
    return tabContent(tab, item, s.catalog.snapshot, s.catalog.ddl[item.key], this.#layout().detailWidth - 4);
  }

  #moveDetail(delta: number): void {
    const s = this.#store.get();
    const c = this.#content(s);
    if (!c) return;
    const rows = this.#layout().detailRows;
    if (c.selectable?.length) {
      const cur = Math.max(0, Math.min(c.selectable.length - 1, s.browser.detailCursor + delta));
      const line = c.selectable[cur]!.line;
      let scroll = s.browser.detailScroll;
      if (line < scroll) scroll = line;
      if (line >= scroll + rows) scroll = line - rows + 1;
      return this.#patch({ detailCursor: cur, detailScroll: scroll });
    }
    const max = Math.max(0, c.lines.length - rows);
    this.#patch({ detailScroll: Math.max(0, Math.min(max, s.browser.detailScroll + delta)) });
  }

  switchTab(delta: number): void {
    const s = this.#store.get();
    const n = tabsFor(selectedItem(s)).length;
    if (!n) return;
    this.#patch({ tab: (((Math.min(s.browser.tab, n - 1) + delta) % n) + n) % n, detailScroll: 0, detailScrollX: 0, detailCursor: 0 });
  }

  /** h/l: in the list they switch tabs; in the details they scroll wide content sideways. */
  horizontal(dir: 1 | -1): void {
    const b = this.#store.get().browser;
    if (b.focus === 'list') return this.switchTab(dir);
    this.#patch({ detailScrollX: Math.max(0, b.detailScrollX + dir * 8) });
  }

  /** Enter: fold a schema, focus an object's details, or follow the selected foreign key. */
  open(): void {
    const s = this.#store.get();
    const item = selectedItem(s);
    if (!item) return;
    if (s.browser.focus === 'detail') {
      const target = this.#content(s)?.selectable?.[s.browser.detailCursor]?.target;
      if (target) this.jumpTo(target);
      return;
    }
    if (item.kind === 'schema') {
      const collapsed = { ...s.browser.collapsed };
      if (collapsed[item.schema]) delete collapsed[item.schema];
      else collapsed[item.schema] = true;
      return this.#patch({ collapsed });
    }
    this.#patch({ focus: 'detail', detailCursor: 0 });
  }

  /** Selects a table by `schema.name`, clearing a filter or unfolding a schema that hides it. */
  jumpTo(qname: string): void {
    const s = this.#store.get();
    const item = s.catalog.items?.find((i) => `${i.schema}.${i.name}` === qname && i.kind !== 'schema');
    if (!item) {
      this.#store.set({ message: { text: `${qname} is not in the snapshot (a schema left out?)`, tone: 'warn' } });
      return;
    }
    const collapsed = { ...s.browser.collapsed };
    delete collapsed[item.schema];
    const keepFilter = item.search.includes(s.browser.filter.trim().toLowerCase());
    this.#patch({ selected: item.key, filter: keepFilter ? s.browser.filter : '', collapsed, focus: 'list', detailScroll: 0, detailScrollX: 0, detailCursor: 0 });
    this.#store.set({ message: { text: `jumped to ${qname}`, tone: 'info' } });
  }

  back(): void {
    const b = this.#store.get().browser;
    if (b.focus === 'detail') return this.#patch({ focus: 'list' });
    if (b.filter) this.#patch({ filter: '' });
  }

  startFilter(): void {
    this.#patch({ filtering: true, focus: 'list' });
  }

  typeFilter(text: string): void {
    const b = this.#store.get().browser;
    this.#patch({ filter: b.filter + text.replace(/[\r\n\t]/g, ''), selected: null });
  }

  backspaceFilter(): void {
    const b = this.#store.get().browser;
    this.#patch({ filter: [...b.filter].slice(0, -1).join(''), selected: b.filter.length > 1 ? b.selected : null });
  }

  endFilter(keep: boolean): void {
    const s = this.#store.get();
    // keep the selection where it is when leaving the filter
    const item = selectedItem(s);
    this.#patch({ filtering: false, filter: keep ? s.browser.filter : '', selected: item?.key ?? null });
  }
}
