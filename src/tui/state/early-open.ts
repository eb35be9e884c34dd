import type { Connection } from '../../core/db/connection.js';
import type { Target } from '../../core/db/conninfo/types.js';
import { openTarget, type OpenOptions } from '../../core/db/open.js';
import { readRelationList } from '../../core/introspect/index.js';
import type { RelationListItem } from '../../core/introspect/types.js';

/** The demo is not built yet: open it through the controller, which shows build progress. */
export class DemoNeedsBuild extends Error {}

export interface EarlyStart {
  connection: Promise<Connection>;
  relations: Promise<RelationListItem[]>;
}

/**
 * Connects and reads the relation list while Ink and the views are still loading (loading
 * Ink's modules alone takes ~300 ms), so the first frame can show the list. No Ink imports here.
 */
export function startEarly(target: Target, o: OpenOptions): EarlyStart {
  const connection = (async () => {
    if (target.kind === 'embedded' && target.demo) {
      const { isDemoCurrent } = await import('../../core/demo/build.js');
      if (!isDemoCurrent(target.dataDir)) throw new DemoNeedsBuild();
    }
    return openTarget(target, o);
  })();
  const relations = connection.then((c) => readRelationList(c));
  // the controller awaits these later; until then a failure must not count as unhandled
  connection.catch(() => {});
  relations.catch(() => {});
  return { connection, relations };
}
