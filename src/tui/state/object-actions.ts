import type { Connection } from '../../core/db/connection.js';
import { getDefinition } from '../../core/introspect/index.js';
import type { ObjectRef } from '../../core/introspect/types.js';
import type { CatalogItem } from '../browser/catalog-items.js';
import { loadHighlighter } from '../browser/highlight.js';
import { osc52, OSC52_MAX_BYTES } from '../terminal/clipboard.js';
import type { AppServices } from './app-controller.js';
import type { AppState, Tone } from './app-state.js';
import { selectedItem } from './browser-actions.js';
import type { Store } from './store.js';

/** What the Browser does with the selected object: its DDL, the clipboard, the editor. */
export class ObjectActions {
  readonly #store: Store<AppState>;
  readonly #services: AppServices;
  readonly #conn: () => Connection | undefined;
  readonly #message: (text: string, tone: Tone) => void;

  constructor(store: Store<AppState>, services: AppServices, conn: () => Connection | undefined, message: (text: string, tone: Tone) => void) {
    this.#store = store;
    this.#services = services;
    this.#conn = conn;
    this.#message = message;
  }

  /** The DDL of an object, fetched once and kept in the store. */
  async ddlOf(item: CatalogItem): Promise<string | undefined> {
    const s = this.#store.get();
    if (s.catalog.ddl[item.key] !== undefined) return s.catalog.ddl[item.key];
    const conn = this.#conn();
    const snap = s.catalog.snapshot;
    const ref = objectRef(item);
    if (!conn || !snap || !ref) return undefined;
    let text: string;
    try {
      const [t] = await Promise.all([getDefinition(conn, snap, ref), loadHighlighter()]);
      text = t;
    } catch (err) {
      text = `-- could not read the definition: ${String((err as Error).message).split('\n')[0]}`;
    }
    if (this.#store.get().catalog.snapshot === snap) this.#store.set((st) => ({ catalog: { ...st.catalog, ddl: { ...st.catalog.ddl, [item.key]: text } } }));
    return text;
  }

  copy(text: string, what: string): void {
    if (Buffer.byteLength(text) > OSC52_MAX_BYTES) return this.#message(`${what} is too long for the terminal clipboard (OSC 52)`, 'warn');
    this.#services.writeTerminal(osc52(text, this.#services.env));
    this.#message(`copied ${what} to the clipboard (OSC 52; the terminal must allow it)`, 'ok');
  }

  copyName(): void {
    const item = selectedItem(this.#store.get());
    if (item) this.copy(item.kind === 'schema' ? item.schema : `${item.schema}.${item.name}`, item.kind === 'schema' ? item.schema : `${item.schema}.${item.name}`);
  }

  async copyDdl(): Promise<void> {
    const item = selectedItem(this.#store.get());
    if (!item) return;
    const ddl = await this.ddlOf(item);
    if (ddl === undefined) return this.#message('no DDL for this object (yet: the snapshot is still loading?)', 'warn');
    this.copy(ddl, `the DDL of ${item.schema}.${item.name}`);
  }

  async editDdl(): Promise<void> {
    const item = selectedItem(this.#store.get());
    if (!item) return;
    const ddl = await this.ddlOf(item);
    if (ddl === undefined) return this.#message('no DDL for this object (yet: the snapshot is still loading?)', 'warn');
    const r = this.#services.editText(ddl, `${item.schema}.${item.name}.sql`);
    if (r.error) this.#message(r.error, 'error');
    else this.#message(r.text === ddl ? 'editor closed' : 'editor closed; edits are not applied to the database (run them with : or, later, in the Workbench)', 'info');
  }
}

export function objectRef(item: CatalogItem): ObjectRef | undefined {
  const { schema, name } = item;
  switch (item.kind) {
    case 'table':
    case 'partitioned':
    case 'foreign':
      return { kind: 'table', schema, name };
    case 'view':
      return { kind: 'view', schema, name };
    case 'matview':
      return { kind: 'materializedView', schema, name };
    case 'sequence':
      return { kind: 'sequence', schema, name };
    case 'function':
      return { kind: 'function', schema, name };
    case 'enum':
    case 'domain':
    case 'composite':
    case 'range':
      return { kind: 'type', schema, name };
    case 'schema':
      return undefined;
  }
}
