import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { readCachedRelationList, readRelationList, saveRelationList } from '../../src/core/introspect/index.js';
import { targetCacheDir } from '../../src/core/introspect/cache-files.js';
import type { RelationListItem } from '../../src/core/introspect/types.js';
import type { EarlyStart } from '../../src/tui/state/early-open.js';
import { openDemoCopy } from '../helpers/demo.js';
import { renderApp, type RenderedApp } from './helpers/render-app.js';

let demo: { conn: Connection; cleanup: () => Promise<void> };
let live: RelationListItem[];
let cacheBase: string;
let r: RenderedApp | undefined;
beforeAll(async () => {
  demo = await openDemoCopy();
  live = await readRelationList(demo.conn);
  cacheBase = mkdtempSync(join(tmpdir(), 'tw-list-cache-'));
});
afterAll(async () => {
  await demo.cleanup();
  rmSync(cacheBase, { recursive: true, force: true });
});
afterEach(() => {
  r?.unmount();
  r = undefined;
});

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
};

describe('the relation list kept from the last start', () => {
  it('is written atomically and read back; a damaged file reads as none', async () => {
    const target = demo.conn.target;
    expect(readCachedRelationList(target, cacheBase)).toBeUndefined();
    const before = Date.now();
    await saveRelationList(target, live, cacheBase);
    const back = readCachedRelationList(target, cacheBase);
    expect(back?.items).toEqual(live);
    expect(back!.savedAt).toBeGreaterThanOrEqual(before);
    writeFileSync(join(targetCacheDir(target, cacheBase), 'relations.json.gz'), 'not gzip');
    expect(readCachedRelationList(target, cacheBase)).toBeUndefined();
  });

  it('fills the first screen before the connection is up, then gives way to the live list', async () => {
    const gone: RelationListItem = { schema: 'public', name: 'dropped_since_last_time', kind: 'table', rowEstimate: 1, totalBytes: 8192 };
    const connection = deferred<Connection>();
    const relations = deferred<RelationListItem[]>();
    const early: EarlyStart = {
      connection: connection.promise,
      relations: relations.promise,
      cached: { items: [...live, gone], savedAt: Date.now() - 3 * 3600_000 },
      flush: async () => {},
    };
    r = renderApp({ size: { columns: 120, rows: 40 } });
    void r.app.open(demo.conn.target, early);
    let f = await r.waitFor((x) => x.includes('dropped_since_last_time'), 'the cached list');
    expect(f).toContain('orders');
    expect(f).toContain('cached relations 3h ago');
    expect(r.app.store.get().conn.status).not.toBe('ready');

    connection.resolve(demo.conn);
    relations.resolve(live);
    f = await r.waitFor((x) => !x.includes('dropped_since_last_time') && x.includes('orders'), 'the live list');
    expect(f).not.toContain('cached relations');
    expect(r.app.store.get().catalog.cached).toBeUndefined();
    await r.until(() => r!.app.store.get().catalog.snapshot !== null, 'the snapshot');
  });
});
