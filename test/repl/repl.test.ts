import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { runRepl } from '../../src/cli/commands/repl.js';
import { PLANNED_COMMANDS } from '../../src/commands/planned.js';
import { borrowedConnection } from '../../src/commands/shared-connection.js';
import type { Connection } from '../../src/core/db/connection.js';
import { openDemoCopy } from '../helpers/demo.js';

let demo: { conn: Connection; cleanup: () => Promise<void> };
let configDir: string;
beforeAll(async () => {
  demo = await openDemoCopy();
  configDir = mkdtempSync(join(tmpdir(), 'tw-repl-conf-'));
});
afterAll(async () => {
  await demo.cleanup();
  rmSync(configDir, { recursive: true, force: true });
});

/** Feeds `input` to the REPL as a pipe (not a TTY) and collects stdout and stderr. */
async function repl(input: string): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  const ctx: CommandContext = {
    values: {},
    positionals: [],
    env: { TW_CONFIG_DIR: configDir },
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    target: () => ({ target: demo.conn.target }),
    // the REPL closes its connection at the end; the file's shared demo must stay open
    connect: async () => borrowedConnection(demo.conn),
  };
  stdin.end(input);
  const code = await runRepl(ctx, { input: stdin, output: stdout, error: (s) => void (err += s) });
  return { code, out, err };
}

describe('tablewright repl on a pipe', () => {
  it('export writes the last result to a file, and never replaces one without --force', async () => {
    const file = join(configDir, 'countries.tsv');
    const first = await repl(`export ${file}\nselect code, name from countries order by code limit 2;\nexport ${file}\nexport ${file}\nexport ${join(configDir, 'x.txt')}\n`);
    expect(first.err).toContain('nothing to export yet: run a query first');
    expect(first.out).toContain(`wrote 2 rows as TSV to ${file}`);
    expect(first.err).toContain(`${file} already exists; add --force to replace it`);
    expect(first.err).toContain('cannot tell the format of');
    const rows = readFileSync(file, 'utf8').split('\n');
    expect(rows[0]).toBe('code\tname');
    expect(rows).toHaveLength(4);
    const again = await repl(`select 'a\tb' as v;\nexport ${file} --force\n`);
    expect(again.err).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('v\na\\tb\n');
  });

  it('runs meta-commands and SQL spanning lines, psql style', async () => {
    const r = await repl('\\dt\nselect code, name\n  from countries\n  order by code\n  limit 2;\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('List of tables');
    expect(r.out).toMatch(/ public\s+\| orders\s+\| table/);
    expect(r.out).toMatch(/^ code \| name\s*$/m);
    expect(r.out).toMatch(/^-+\+-+$/m);
    expect(r.out).toContain('(2 rows)');
  });

  it('describes a table with \\d, with indexes, FKs and referencing tables', async () => {
    const r = await repl('\\d orders\n');
    expect(r.out).toContain('Table "public.orders"');
    expect(r.out).toMatch(/customer_id\s+\| uuid/);
    expect(r.out).toContain('Indexes:');
    expect(r.out).toContain('Foreign-key constraints:');
    expect(r.out).toMatch(/Referenced by:\n\s+TABLE order_items CONSTRAINT order_items_order_id_fkey/);
  });

  it('prints SQL errors with the server position, unknown commands with a suggestion, and exits 1', async () => {
    const missing = PLANNED_COMMANDS.find((n) => !COMMANDS.some((c) => c.name === n) && n !== 'explain' && n !== 'analyze');
    const r = await repl(`select * frm orders;\nsatus\n${missing ?? 'satus'} --x\nselect 1 as ok;\n`);
    expect(r.err).toContain('ERROR:  syntax error at or near "frm"\nLINE 1: select * frm orders\n                 ^');
    expect(r.err).toContain('unknown command "satus" (did you mean status?)');
    if (missing) expect(r.err).toContain(`"${missing}" is not available yet`);
    // a failure does not stop the rest of the input
    expect(r.out).toMatch(/^ ok\s*\n-+\n 1\s*$/m);
    expect(r.code).toBe(1);
  });

  it('runs CLI commands through the shared grammar, and a last statement without ;', async () => {
    const r = await repl('status --json\n\\x\nselect 1 as a, 2 as b');
    expect(JSON.parse(r.out.slice(r.out.indexOf('{'), r.out.lastIndexOf('}') + 1)).kind).toBe('embedded');
    expect(r.out).toContain('Expanded display is on.');
    expect(r.out).toMatch(/-\[ RECORD 1 \]-*\na\s+\| 1\nb\s+\| 2/);
  });

  it('stops at \\q and keeps a history of what was run', async () => {
    const r = await repl('\\timing\n\\q\nselect 1;\n');
    expect(r.out).toContain('Timing is on.');
    expect(r.out).not.toContain('(1 row)');
    const { PromptHistory } = await import('../../src/commands/user-config.js');
    expect(new PromptHistory({ TW_CONFIG_DIR: configDir }).entries).toContain('\\timing');
  });
});

describe('tablewright repl, statements across lines', () => {
  it('runs a meta-command typed inside an unfinished statement and keeps the statement', async () => {
    const r = await repl('select code\n\\dn\n  from countries order by code limit 1;\n');
    expect(r.err).toBe('');
    expect(r.out.indexOf('List of schemas')).toBeLessThan(r.out.indexOf(' code'));
    expect(r.out).toContain('(1 row)');
  });
});
