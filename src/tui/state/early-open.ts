import type { Connection } from '../../core/db/connection.js';
import type { Target } from '../../core/db/conninfo/types.js';
import { openTarget, type OpenOptions } from '../../core/db/open.js';
import { readCachedRelationList, readRelationList, saveRelationList, type CachedRelationList } from '../../core/introspect/index.js';
import type { RelationListItem } from '../../core/introspect/types.js';

/** The demo is not built yet: open it through the controller, which shows build progress. */
export class DemoNeedsBuild extends Error {}

export interface EarlyStart {
  connection: Promise<Connection>;
  relations: Promise<RelationListItem[]>;
  /** the list kept from the last start, shown until `relations` arrives */
  cached: CachedRelationList | undefined;
  /** writes the live list for the next start now, if it is not written yet (on quit) */
  flush: () => Promise<void>;
}

/**
 * Connects and reads the relation list while Ink and the views are still loading (loading
 * Ink's modules alone takes ~250 ms), so the first frame can show the list; the list kept from
 * the last start is read at once (a small file), for a first frame that waits for no server. No Ink imports here.
 */
export function startEarly(target: Target, o: OpenOptions): EarlyStart {
  const connection = (async () => {
    if (target.kind === 'embedded' && target.demo) {
      const { isDemoCurrent } = await import('../../core/demo/build.js');
      if (!isDemoCurrent(target.dataDir)) throw new DemoNeedsBuild();
    }
    return openTarget(target, o);
  })();
  const cached = readCachedRelationList(target);
  const relations = connection.then((c) => readRelationList(c));
  // written once the first screen has what it needs, or on quit; a cache that cannot be written changes nothing
  let write: (() => Promise<void>) | undefined;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  relations.then((list) => {
    write = () => (writing ??= saveRelationList(target, list).catch(() => {}));
    timer = setTimeout(() => void write?.(), 250);
    timer.unref();
  }, () => {});
  const flush = async () => {
    clearTimeout(timer);
    await write?.();
  };
  // the controller awaits these later; until then a failure must not count as unhandled
  connection.catch(() => {});
  relations.catch(() => {});
  return { connection, relations, cached, flush };
}
