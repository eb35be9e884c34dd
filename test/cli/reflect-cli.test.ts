import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { parseConfig } from '../../src/core/rules/config.js';
import { SCHEMA_RULES } from '../../src/core/rules/index.js';
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
  it('--layout per-table writes a models/ package the drift check accepts; bad option values are one line', async () => {
    const out = join(root, 'layout', 'app');
    const r = await runCli(['reflect', '--demo', '--output', out, '--layout', 'per-table', '--lazy', 'selectin', '--pk-guess'], env);
    expect(r.code).toBe(0);
    for (const f of ['__init__.py', 'models/__init__.py', 'models/base.py', 'models/order.py', 'models/customer.py']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'models', 'order.py'), 'utf8')).toContain('lazy="selectin"');
    expect((await runCli(['reflect', '--demo', '--output', out, '--layout', 'per-table', '--lazy', 'selectin', '--pk-guess', '--check'], env)).out).toContain('is up to date');
    // another layout: the per-table modules it no longer writes are drift, then removed (a user's file never)
    writeFileSync(join(out, 'models', 'mine.py'), 'x = 1\n');
    const drift = await runCli(['reflect', '--demo', '--output', out, '--layout', 'per-schema', '--check'], env);
    expect(drift.code).toBe(1);
    expect(drift.out).toContain('models/order.py (no longer generated)');
    const moved = await runCli(['reflect', '--demo', '--output', out, '--layout', 'per-schema'], env);
    expect(moved.out).toMatch(/removed \(.*models\/order\.py/);
    expect(existsSync(join(out, 'models', 'order.py'))).toBe(false);
    expect(existsSync(join(out, 'models', 'public.py'))).toBe(true);
    expect(readFileSync(join(out, 'models', 'mine.py'), 'utf8')).toBe('x = 1\n');
    await expect(runCli(['reflect', '--demo', '--output', out, '--layout', 'flat'], env)).rejects.toThrow('--layout flat: use single, per-schema, per-table');
    await expect(runCli(['reflect', '--demo', '--output', out, '--lazy', 'sometimes'], env)).rejects.toThrow(/--lazy sometimes: use auto, select, selectin/);
    await expect(runCli(['reflect', '--demo', '--output', join(root, 'm.py'), '--layout', 'per-schema'], env)).rejects.toThrow('--layout per-schema writes a package: give --output a directory, not a .py file');
    await expect(runCli(['reflect', '--demo', '--output', out, '--lazy-rows', 'many'], env)).rejects.toThrow(/--lazy-rows many: give a whole number/);
  });
  it('maps types from the config file before the built-in mapping, and names a bad key in one line', async () => {
    const dir = join(root, 'cfg');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, '.tablewright.json');
    writeFileSync(config, JSON.stringify({ rules: {}, reflect: { types: { tsvector: { import: 'app.search', type: 'SearchVector', python: 'str' } } } }));
    const r = await runCli(['reflect', '--demo', '--output', join(dir, 'models.py'), '--config', config], env);
    expect(r.code).toBe(0);
    const models = readFileSync(join(dir, 'models.py'), 'utf8');
    expect(models).toContain('from app.search import SearchVector');
    expect(models).toMatch(/search_text: Mapped\[str( \| None)?\] = mapped_column\(\s*SearchVector/);
    // lint reads the same file and leaves "reflect" to reflect
    expect(() => parseConfig(JSON.parse(readFileSync(config, 'utf8')), config, SCHEMA_RULES)).not.toThrow();
    writeFileSync(config, JSON.stringify({ reflect: { types: { tsvector: { import: 'app.search', typ: 'SearchVector' } } } }));
    await expect(runCli(['reflect', '--demo', '--output', join(dir, 'models.py'), '--config', config], env)).rejects.toThrow(`${config}: "reflect.types.tsvector.typ" is not a known key; use import, type, python, args (did you mean "type"?)`);
    await expect(runCli(['reflect', '--demo', '--output', join(dir, 'models.py'), '--config', join(dir, 'nope.json')], env)).rejects.toThrow(/nope\.json does not exist/);
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
