import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { demoTemplate } from '../helpers/demo.js';
import { describePython, PYTHON } from '../helpers/python.js';

async function runCli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

describe('tablewright reflect --demo', () => {
  let env: NodeJS.ProcessEnv;
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tw-reflect-cli-'));
    cpSync(demoTemplate(), join(root, 'cache', 'demo'), { recursive: true });
    env = { TW_CACHE_DIR: join(root, 'cache') };
  });

  it('writes a package, warns about what it cannot express, and writes --warnings-json', async () => {
    const out = join(root, 'app', 'models');
    const r = await runCli(['reflect', '--demo', '--output', out, '--warnings-json', join(root, 'warnings.json')], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 written, 0 unchanged; \d+ warning\(s\)/);
    expect(r.err).toContain('warning: public.support_tickets: row-level security is enabled');
    expect(r.err).toContain('CREATE TYPE public.postal_address AS');
    const w = JSON.parse(readFileSync(join(root, 'warnings.json'), 'utf8'));
    expect(w.prerequisites).toContain('CREATE SCHEMA IF NOT EXISTS analytics;');
    expect(w.warnings.some((x: { table: string; message: string }) => x.table === 'public.newsletter_signups' && /no primary key/.test(x.message))).toBe(true);
    expect(readFileSync(join(out, '__init__.py'), 'utf8')).toMatch(/from \.models import \(\n[\s\S]*    Order,\n/);
  });
  it('keeps code in keep blocks, refuses to overwrite other edits, and --check reports drift', async () => {
    const out = join(root, 'keep', 'models');
    await runCli(['reflect', '--demo', '--output', out], env);
    const file = join(out, 'models.py');
    const original = readFileSync(file, 'utf8');
    const kept = original.replace(/(class Order\(Base\):\n)/, '$1    # tablewright: keep\n    def label(self) -> str:\n        return f"order {self.id}"\n    # tablewright: end keep\n');
    writeFileSync(file, kept);
    expect((await runCli(['reflect', '--demo', '--output', out, '--check'], env)).code).toBe(0);
    const again = await runCli(['reflect', '--demo', '--output', out], env);
    expect(again.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('return f"order {self.id}"');
    writeFileSync(file, readFileSync(file, 'utf8').replace('class Coupon(Base):', 'class Coupon(Base):  # mine'));
    await expect(runCli(['reflect', '--demo', '--output', out], env)).rejects.toThrow(/was edited outside its "# tablewright: keep" blocks; nothing was written.*--force/);
    const check = await runCli(['reflect', '--demo', '--output', out, '--check'], env);
    expect(check.code).toBe(1);
    expect(check.out).toContain('is out of date: models.py');
    expect((await runCli(['reflect', '--demo', '--output', out, '--force'], env)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('# mine');
    expect(readFileSync(file, 'utf8')).toContain('return f"order {self.id}"');
  });
  it('never overwrites a foreign file', async () => {
    const file = join(root, 'foreign.py');
    writeFileSync(file, 'print("mine")\n');
    await expect(runCli(['reflect', '--demo', '--output', file], env)).rejects.toThrow(/was not written by tablewright; nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe('print("mine")\n');
  });
  it('rejects an unknown --table with one line', async () => {
    await expect(runCli(['reflect', '--demo', '--output', join(root, 'x.py'), '--table', 'nope'], env)).rejects.toThrow(/--table nope: no such table/);
  });
});

describePython('the reflected demo package imports as is', () => {
  it('imports, maps, and exposes the classes from the package', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tw-reflect-pkg-'));
    cpSync(demoTemplate(), join(root, 'cache', 'demo'), { recursive: true });
    await runCli(['reflect', '--demo', '--output', join(root, 'app', 'models')], { TW_CACHE_DIR: join(root, 'cache') });
    writeFileSync(join(root, 'app', '__init__.py'), '');
    const r = spawnSync(PYTHON, ['-W', 'error', '-c', 'from app.models import Order, Customer, Base\nfrom sqlalchemy.orm import configure_mappers\nconfigure_mappers()\nprint(sorted(Order.__mapper__.relationships.keys()))'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.replace(/'/g, '"'))).toEqual(['coupon', 'customer', 'order_items', 'support_tickets']);
  });
});
