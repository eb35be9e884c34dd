import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { demoTemplate } from '../helpers/demo.js';

async function runCli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

describe('tablewright docs --demo', () => {
  let env: NodeJS.ProcessEnv;
  let out: string;
  beforeAll(() => {
    const cache = mkdtempSync(join(tmpdir(), 'tw-docs-cli-'));
    cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
    env = { TW_CACHE_DIR: cache };
    out = join(cache, 'docs');
  });

  it('writes pages a new team member can read, and --check confirms they are current', async () => {
    const r = await runCli(['docs', '--demo', '--output', out, '--no-stats'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ written, 0 unchanged, 0 removed/);
    const orders = readFileSync(join(out, 'tables', 'public.orders.md'), 'utf8');
    expect(orders).toContain("A customer's purchase; lines are in order_items");
    expect(orders).toContain('- status is one of pending, paid, shipped, delivered, cancelled, refunded');
    expect(orders).toContain('- total must be ≥ 0 (domain money_amount)');
    expect(orders).toContain('**warning** IX02 duplicate-index');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('| [public.orders](tables/public.orders.md) |');
    expect((await runCli(['docs', '--demo', '--output', out, '--no-stats', '--check'], env)).code).toBe(0);
    writeFileSync(join(out, 'tables', 'public.orders.md'), `${orders}\nedited\n`);
    const drift = await runCli(['docs', '--demo', '--output', out, '--no-stats', '--check'], env);
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('differs: tables/public.orders.md');
  });
  it('asks for --output with one line', async () => {
    await expect(runCli(['docs', '--demo'], env)).rejects.toThrow('docs needs --output DIR (the directory to write the documentation to)');
  });
});
