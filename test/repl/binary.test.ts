import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDemo } from '../helpers/demo.js';
import { PtyApp } from '../helpers/pty-app.js';

const root = process.cwd();

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

// the real binary runs the bundle made from dist/: build both when src/ is newer (a stale one would test old code)
beforeAll(() => {
  let built = 0;
  try {
    built = Math.min(statSync(join(root, 'dist/cli/main.js')).mtimeMs, statSync(join(root, 'dist/bundle/tablewright.mjs')).mtimeMs);
  } catch {
    built = 0;
  }
  if (built < newestMtime(join(root, 'src'))) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'pipe' });
  }
}, 120_000);

let demo: { dir: string; cleanup: () => void };
beforeAll(() => {
  demo = copyDemo();
});
afterAll(() => demo.cleanup());

const tw = (args: string[], input: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(root, 'bin/tablewright.js'), ...args], {
    input, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: '/nonexistent', TW_CONFIG_DIR: join(demo.dir, '..', 'conf'), ...env },
  });

describe('the tablewright binary without a terminal', () => {
  it('a bare tablewright on a pipe prints a one-line hint to use repl and exits 2', () => {
    const r = tw(['--db', demo.dir], '');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('use "tablewright repl"');
  });

  it('tablewright repl reads stdin and writes results to stdout', () => {
    const r = tw(['repl', '--db', demo.dir], '\\dn\nselect count(*) as n from countries;\nselect nope;\n');
    expect(r.stdout).toContain('List of schemas');
    expect(r.stdout).toMatch(/ analytics\s+\|/);
    expect(r.stdout).toMatch(/^ n\s*\n-+\n 20\s*$/m);
    expect(r.stderr).toContain('ERROR:  column "nope" does not exist');
    expect(r.status).toBe(1);
  });

  it('starts from the one-file bundle and answers as the module tree does', () => {
    const chunks = readdirSync(join(root, 'dist/bundle/chunks'));
    expect(chunks.reduce((n, f) => n + statSync(join(root, 'dist/bundle/chunks', f)).size, 0)).toBeGreaterThan(1e6);
    const input = 'select 1 as one;\n';
    const bundled = tw(['repl', '--db', demo.dir], input);
    const tree = tw(['repl', '--db', demo.dir], input, { TW_NO_BUNDLE: '1' });
    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(tree.stdout);
    expect(tw(['--version'], '').stdout).toBe(tw(['--version'], '', { TW_NO_BUNDLE: '1' }).stdout);
    expect(tw(['--version'], '').stdout).toMatch(/^tablewright \d+\.\d+\.\d+/);
  });

  it('starts the full-screen app without React\'s development build, the SQL parser or undici', () => {
    const dir = join(root, 'dist/bundle/chunks');
    const files = readdirSync(dir);
    const start = ['early-open-', 'launch-'].map((p) => files.find((f) => f.startsWith(p))!);
    // every chunk the TUI's two start-up chunks import statically
    const closure = new Set<string>();
    const visit = (f: string) => {
      if (closure.has(f)) return;
      closure.add(f);
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+"\.\/([^"]+)"|^import\s+"\.\/([^"]+)"/gm)) visit(m[1] ?? m[2]!);
    };
    start.forEach(visit);
    for (const f of closure) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/^import\s[^;]*"libpg-query"/m);
      expect(text, f).not.toContain('react-reconciler.development.js');
    }
    const probe = `for (const f of ${JSON.stringify(start)}) await import(${JSON.stringify(`${dir}/`)} + f);
process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => m.includes('undici'))));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});

describe('the full-screen app in a terminal', () => {
  const apps: PtyApp[] = [];
  // a failed wait must not leave the app running past the test
  afterAll(() => apps.forEach((a) => a.child.kill('SIGKILL')));

  it('opens the demo, filters the list, quits restoring the screen; the next start shows the kept list first', async () => {
    const home = join(demo.dir, '..');
    const env = { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', TW_CONFIG_DIR: join(home, 'conf'), TW_CACHE_DIR: join(home, 'cache') };
    // a relative path keeps the status bar short enough to show the snapshot age
    const app = new PtyApp(['--db', 'demo'], env, home);
    apps.push(app);
    let screen = await app.waitFor((s) => /snapshot \d+s ago/.test(s), 'the snapshot');
    expect(screen).toMatch(/1 Browser\s+2 Workbench/);
    expect(screen).toContain('countries');
    await app.press('/', ...'order_it', '\r');
    screen = await app.waitFor((s) => /\/order_it\s+\d+ of \d+/.test(s), 'the filtered list');
    expect(screen).toContain('order_items');
    expect(screen).not.toContain('countries');
    await app.press('q');
    expect(await app.exited()).toBe(0);
    expect(app.raw).toContain('\x1b[?1049l');

    const again = new PtyApp(['--db', 'demo'], env, home);
    apps.push(again);
    await again.waitFor((s) => /snapshot \d+s ago/.test(s), 'the snapshot on the second start');
    const plain = again.raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(plain).toContain('cached relations');
    await again.press('q');
    expect(await again.exited()).toBe(0);
  }, 90_000);
});
