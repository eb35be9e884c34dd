import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The compiled module (npm test builds dist first): only there is the child entry point next to it,
// so these tests go through a real forked process and its IPC.
const load = () => import(new URL('../../dist/core/demo/build-elsewhere.js', import.meta.url).href) as Promise<typeof import('../../src/core/demo/build-elsewhere.js')>;
const tmp = mkdtempSync(join(tmpdir(), 'tw-build-elsewhere-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ensureDemoElsewhere (demo build in a child process)', () => {
  it("passes the child's refusal back as a one-line error, leaving a foreign directory alone", async () => {
    const { ensureDemoElsewhere } = await load();
    // without the compiled child it would build in-process and this test would prove nothing
    expect(existsSync(new URL('../../dist/core/demo/build-child.js', import.meta.url))).toBe(true);
    const dir = join(tmp, 'not-a-demo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'precious.txt'), 'user data');
    await expect(ensureDemoElsewhere(dir)).rejects.toThrow(/exists but is not a Tablewright demo database; move it aside or set TW_CACHE_DIR/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('user data');
  });

  it('does not start a child when the demo is current', async () => {
    const { ensureDemoElsewhere } = await load();
    const { DEMO_VERSION } = await import('../../src/core/demo/build.js');
    const dir = join(tmp, 'current');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tablewright-demo.json'), JSON.stringify({ version: DEMO_VERSION }));
    await expect(ensureDemoElsewhere(dir)).resolves.toBe('reused');
  });
});
