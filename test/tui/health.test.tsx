import { describe, expect, it } from 'vitest';
import { useDemoApp } from './helpers/demo-app.js';
import { KEYS, type RenderedApp } from './helpers/render-app.js';

/** The team's shared data (logs, plans) beside the repository. */
const LOGS = new URL('../fixtures/shared-data/logs/', import.meta.url).pathname;

// ink-testing-library's stdout is 100 columns wide: wider frames are cut there
const demo = useDemoApp({ columns: 100, rows: 40 });

async function openHealth(): Promise<RenderedApp> {
  const r = await demo.open();
  await r.press('5');
  await r.until(() => r.app.store.get().health.dashboard !== null, 'the dashboard');
  return r;
}

describe('Health pane on the embedded demo database', () => {
  it('shows the largest tables and says what PGlite cannot report', async () => {
    const r = await openHealth();
    const f = await r.waitFor((x) => x.includes('Largest tables'), 'the sizes');
    expect(f).toContain('embedded PGlite: one session and no cumulative statistics');
    expect(f).toMatch(/public\.orders\s+\d+(\.\d)? MB/);
    expect(f).toContain('needs a server');
    r.app.health.stop();
  });
  it('moves between the tabs with ] and [, and the Queries tab says how to get statistics', async () => {
    const r = await openHealth();
    await r.press(']');
    await r.until(() => !!r.app.store.get().health.queriesNote?.includes('pg_stat_statements is not available in the embedded PGlite database'), 'the note');
    const f = await r.waitFor((x) => x.includes('pg_stat_statements is not'), 'the note on screen');
    expect(f).toContain('Top statements by total');
    await r.press(']');
    const a = await r.waitFor((x) => x.includes('no index advice and no N+1 bursts'), 'the advice');
    await r.press('?');
    const help = await r.waitFor((x) => x.includes('Keys — Health'), 'help');
    expect(help).toContain('next tab: Dashboard');
    await r.press(KEYS.esc, '[', '[');
    expect(r.app.store.get().health.tab).toBe('dashboard');
    r.app.health.stop();
  });
  it('reads a server log typed after p and lists its N+1 bursts with the fix', async () => {
    const r = await openHealth();
    await r.press('p');
    await r.waitFor((x) => x.includes('log: ▏'), 'the path field');
    await r.type(`${LOGS}nplus1-stderr.log`);
    await r.press(KEYS.enter);
    await r.until(() => (r.app.store.get().health.advice?.nPlusOne.length ?? 0) > 0, 'the bursts');
    const f = await r.waitFor((x) => x.includes('N 20× SELECT sku, qty FROM order_'), 'the N+1 row');
    expect(f).toContain('2 N+1');
    const rows = r.app.store.get().health.advice!;
    for (let i = 0; i < rows.index.length; i++) await r.press('j');
    const d = await r.waitFor((x) => x.includes('fix (y copies)'), 'the N+1 detail');
    // the demo's order_items.order_id references orders: the relationship to eager-load
    expect(d).toContain('selectinload(Order');
    r.app.health.stop();
  });
});
