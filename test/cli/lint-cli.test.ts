import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ajvDraft04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { demoTemplate } from '../helpers/demo.js';

async function runCli(argv: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  const code = await run(argv, { out: (s) => (out += s), err: () => {}, env });
  return { code, out };
}

// ajv-draft-04 is CommonJS: its class is the module's default export at run time
type Validator = { (data: unknown): boolean; errors?: unknown[] | null };
const Ajv = (ajvDraft04 as unknown as { default: new (o: object) => { compile(schema: object): Validator } }).default;

const sarifSchema = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

describe('tablewright lint', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    const cache = mkdtempSync(join(tmpdir(), 'tw-lint-'));
    cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
    env = { TW_CACHE_DIR: cache };
  });

  it('prints findings with why and fix, and exits 1 when warnings exist', async () => {
    const r = await runCli(['lint', '--demo'], env);
    expect(r.code).toBe(1);
    expect(r.out).toContain('IX01 fk-without-index');
    expect(r.out).toContain('fix: CREATE INDEX CONCURRENTLY order_items_product_id_idx ON public.order_items (product_id);');
    expect(r.out).toMatch(/\d+ finding\(s\): 0 error, 9 warning, \d+ info/);
    expect(r.out).toMatch(/IX04 +needs cumulative statistics/);
  });
  it('prints the documented JSON shape', async () => {
    const r = await runCli(['lint', '--demo', '--format', 'json', '--rule', 'IX01,SD01'], env);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tool: 'tablewright', version: expect.stringMatching(/^\d+\.\d+\.\d+$/), notRun: [] });
    expect(j.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['IX01', 'IX01', 'SD01']);
    expect(j.findings[0]).toEqual({
      ruleId: 'IX01', name: 'fk-without-index', severity: 'warning',
      target: { schema: 'public', table: 'customers', column: 'referred_by', object: 'customers_referred_by_fkey' },
      message: expect.any(String), why: expect.any(String),
      fix: { sql: 'CREATE INDEX CONCURRENTLY customers_referred_by_idx ON public.customers (referred_by);' },
    });
  });
  it('writes SARIF 2.1.0 that validates against the schema', async () => {
    const r = await runCli(['lint', '--demo', '--format', 'sarif'], env);
    const log = JSON.parse(r.out);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(5);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('IX01');
  });
  it('exits 0 when nothing reaches the threshold', async () => {
    const r = await runCli(['lint', '--demo', '--rule', 'SC05', '--format', 'json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings).toEqual([]);
  });
  it('reads .tablewright.json and rejects unknown rule ids with close matches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-cfg-'));
    const cfg = join(dir, '.tablewright.json');
    writeFileSync(cfg, JSON.stringify({ rules: { IX01: 'off', SD02: 'off', CN08: 'off', IX02: 'off', IX03: 'off', SD01: 'info' } }));
    const r = await runCli(['lint', '--demo', '--config', cfg, '--format', 'json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings.find((f: { ruleId: string }) => f.ruleId === 'SD01').severity).toBe('info');
    await expect(runCli(['lint', '--demo', '--rule', 'IX1'], env)).rejects.toThrow(/--rule IX1: no such rule; did you mean IX01/);
    writeFileSync(cfg, '{"rules": {"IX01": "loud"}}');
    await expect(runCli(['lint', '--demo', '--config', cfg], env)).rejects.toThrow(/"rules\.IX01" must be "off", "on" or a severity/);
  });
});
