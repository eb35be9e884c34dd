import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderApp, type RenderedApp } from './helpers/render-app.js';
import { syntheticItems } from './helpers/synthetic-catalog.js';

let r: RenderedApp | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

const listRows = (f: string) => f.split('\n').filter((l) => /│\s+T table_\d+/.test(l));

describe('a 10,000-relation list', () => {
  it('renders only the visible window and keeps the cursor in view', async () => {
    r = renderApp({ size: { columns: 100, rows: 30 } });
    r.app.store.set((s) => ({ catalog: { ...s.catalog, items: syntheticItems(10, 1000), readAt: Date.now() } }));
    let f = await r.waitFor((x) => x.includes('table_00000'), 'the list');
    expect(f).toContain('10000 objects');
    // 30 rows - 1 (root) - 3 bars - 2 borders - 1 header line
    expect(listRows(f).length).toBeLessThanOrEqual(23);
    await r.press('G');
    f = r.lastFrame();
    expect(f).toContain('tenant_009');
    expect(f).toContain('table_00999');
    expect(f).toContain('10010/10010');
    await r.press('g', KEYS.pageDown, KEYS.pageDown);
    f = r.lastFrame();
    expect(f).not.toContain('table_00000 ');
    expect(f).toMatch(/4[0-9]\/10010/);
  });

  it('costs about the same per keystroke with 10,000 rows as with 100 (only the window renders)', async () => {
    // relative, not absolute: a loaded CI machine slows both sizes alike; bench/tui has the real figures
    const medianFor = async (schemas: number, perSchema: number) => {
      const x = renderApp({ size: { columns: 100, rows: 40 } });
      try {
        x.app.store.set((s) => ({ catalog: { ...s.catalog, items: syntheticItems(schemas, perSchema), readAt: Date.now() } }));
        await x.waitFor((f) => f.includes('table_00000'), 'the list');
        const times: number[] = [];
        for (let i = 0; i < 40; i++) {
          const before = x.frames.length;
          const t0 = performance.now();
          await x.press('j');
          await x.waitFor(() => x.frames.length > before, 'a new frame');
          times.push(performance.now() - t0);
        }
        return times.sort((a, b) => a - b)[20]!;
      } finally {
        x.unmount();
      }
    };
    const small = await medianFor(1, 100);
    const large = await medianFor(10, 1000);
    expect(large).toBeLessThan(small * 3 + 5);
  });

  it('filters 10,000 names as you type', async () => {
    r = renderApp({ size: { columns: 100, rows: 30 } });
    r.app.store.set((s) => ({ catalog: { ...s.catalog, items: syntheticItems(10, 1000), readAt: Date.now() } }));
    await r.waitFor((x) => x.includes('table_00000'), 'the list');
    await r.press('/');
    await r.type('007.table_0042');
    const f = r.lastFrame();
    expect(f).toMatch(/10 of 10000/);
    expect(f).toContain('tenant_007');
    expect(f).toContain('table_00420');
    expect(f).not.toContain('tenant_000');
  });
});
