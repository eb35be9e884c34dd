import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { demoTemplate } from '../helpers/demo.js';
import { describeServer, SERVER_URL } from '../helpers/server.js';

/** A cache dir holding a copy of the prepared demo, as a user's would after the first run. */
function cacheWithDemo(): string {
  const cache = mkdtempSync(join(tmpdir(), 'tw-cache-'));
  cpSync(demoTemplate(), join(cache, 'demo'), { recursive: true });
  return cache;
}

async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

const BIN = join(process.cwd(), 'bin', 'tablewright.js');

describe('tablewright CLI', () => {
  it('prints the version and help', async () => {
    expect((await runCli(['--version'])).out).toMatch(/^tablewright \d+\.\d+\.\d+\n$/);
    const help = (await runCli(['--help'])).out;
    expect(help).toContain('status');
    expect(help).toContain('--service NAME');
    expect((await runCli(['status', '--help'])).out).toMatch(/^Usage: tablewright status/);
  });
  it('reports the demo database status', async () => {
    const r = await runCli(['status', '--demo'], { TW_CACHE_DIR: cacheWithDemo() });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/server +PostgreSQL 18\.\d+ \(PGlite/);
    expect(r.out).toMatch(/mode +read-write/);
    expect(r.out).toMatch(/dataDir +--demo/);
  });
  it('rejects unknown commands and options with a hint', async () => {
    await expect(runCli(['stauts'])).rejects.toThrow(/unknown command "stauts" \(did you mean status\?\); see tablewright --help/);
    await expect(runCli(['status', '--nope'])).rejects.toThrow(/Unknown option '--nope'; see tablewright status --help/);
  });
});

describe('the installed binary', () => {
  const built = existsSync(join(process.cwd(), 'dist', 'cli', 'main.js'));
  it('is built (npm test builds first)', () => expect(built).toBe(true));

  it('exits 2 with one line on stderr for bad input', () => {
    const r = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8', env: { ...process.env, TW_CACHE_DIR: '/nonexistent' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = spawnSync(process.execPath, [BIN, 'status', '--url', 'postgres://u:pw@127.0.0.1:1/db'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('tablewright: could not connect to 127.0.0.1:1: connection refused; is the server running there? (check --url, PGHOST, PGPORT)\n');
  });
  it('opens the demo database (status --demo)', () => {
    const r = spawnSync(process.execPath, [BIN, 'status', '--demo', '--json'], { encoding: 'utf8', env: { ...process.env, TW_CACHE_DIR: cacheWithDemo() } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'embedded', server: { flavor: 'pglite' }, readOnly: false });
  });
});

describeServer('tablewright status against the server', () => {
  it('shows read-only mode and where each setting came from, never the password', async () => {
    const url = new URL(SERVER_URL);
    url.password = 'not-shown';
    const r = await runCli(['status', '--json'], { DATABASE_URL: url.toString(), PGSSLMODE: 'disable' });
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ kind: 'server', readOnly: true, sslmode: 'disable', sources: { host: 'DATABASE_URL', sslmode: 'PGSSLMODE' } });
    expect(r.out).not.toContain('not-shown');
    const w = await runCli(['status', '--write', '--url', SERVER_URL]);
    expect(w.out).toMatch(/mode +read-write/);
  });
});
