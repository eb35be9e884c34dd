import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Connection } from '../../../src/core/db/connection.js';
import type { Size } from '../../../src/tui/terminal/TerminalSize.js';
import { openDemoCopy } from '../../helpers/demo.js';
import { renderApp, type RenderedApp } from './render-app.js';

/**
 * One real PGlite demo copy per test file (opening costs ~0.3 s and ~300 MB) and one rendered app per
 * test, unmounted after it. Call at the top of a test file.
 */
export function useDemoApp(size: Size): { conn: () => Connection; open: () => Promise<RenderedApp> } {
  let demo: { conn: Connection; cleanup: () => Promise<void> };
  let r: RenderedApp | undefined;
  beforeAll(async () => {
    demo = await openDemoCopy();
  });
  afterAll(async () => {
    await demo.cleanup();
  });
  afterEach(() => {
    r?.unmount();
    r = undefined;
  });
  return {
    conn: () => demo.conn,
    async open() {
      r = renderApp({ conn: demo.conn, size });
      // the relation list comes first, then the full snapshot (details need it)
      await r.until(() => r!.app.store.get().catalog.snapshot !== null, 'the snapshot to load');
      return r;
    },
  };
}
