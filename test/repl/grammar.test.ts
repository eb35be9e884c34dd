import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { CONNECTION_OPTIONS } from '../../src/cli/options.js';
import { closest } from '../../src/commands/closest.js';
import { PLANNED_COMMANDS } from '../../src/commands/planned.js';
import { complete } from '../../src/commands/complete.js';
import { parseInvocation } from '../../src/commands/invocation.js';
import { CommandSession } from '../../src/commands/session.js';
import { statementComplete } from '../../src/commands/statement-end.js';
import { tokenize } from '../../src/commands/tokenize.js';
import { stripPassword } from '../../src/commands/user-config.js';

const grammar = { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS };
const exists = (n: string) => COMMANDS.some((c) => c.name === n);
// a planned command that is not SQL and not built yet (none once they all exist)
const MISSING = PLANNED_COMMANDS.find((n) => !exists(n) && n !== 'explain' && n !== 'analyze');

describe('the shared command grammar', () => {
  it('tokenizes like a shell', () => {
    expect(tokenize(`reflect --output "./my models/" --schema 'a b' x\\ y`)).toEqual(['reflect', '--output', './my models/', '--schema', 'a b', 'x y']);
    expect(() => tokenize('a "b')).toThrow(/unterminated/);
  });

  it('parses argv the same way for the CLI and the prompt', () => {
    const inv = parseInvocation(['--url', 'postgres://x/y', 'status', '--json'], grammar);
    expect(inv.command?.name).toBe('status');
    expect(inv.values.json).toBe(true);
    expect(inv.values.url).toBe('postgres://x/y');
    expect(() => parseInvocation(['stauts'], grammar)).toThrow(/unknown command "stauts" \(did you mean status\?\)/);
    if (MISSING) expect(() => parseInvocation([MISSING], grammar)).toThrow(/not available yet/);
  });

  it('suggests the closest name only when it is close', () => {
    expect(closest('lnit', ['lint', 'status'])).toBe('lint');
    expect(closest('ref', ['reflect', 'repl'])).toBe('reflect');
    expect(closest('zzzzzz', ['lint', 'status'])).toBeUndefined();
  });

  it('classifies prompt lines', () => {
    const s = new CommandSession({ connection: () => undefined, grammar, env: {} });
    expect(s.classify('\\dt')).toBe('meta');
    expect(s.classify('status --json')).toBe('command');
    expect(s.classify('select 1')).toBe('sql');
    expect(s.classify('WITH x AS (select 1) select * from x')).toBe('sql');
    // EXPLAIN runs as SQL until the explain command exists, then the command takes it
    expect(s.classify('explain select 1')).toBe(exists('explain') ? 'command' : 'sql');
    expect(s.classify('explain --analyze q.sql')).toBe(exists('explain') ? 'command' : 'planned');
    if (MISSING) expect(s.classify(`${MISSING} --x`)).toBe('planned');
    expect(s.classify('lint')).toBe(exists('lint') ? 'command' : 'planned');
    expect(s.classify('help')).toBe('builtin');
    expect(s.classify('selct 1')).toBe('unknown');
    expect(s.classify(':select')).toBe('unknown');
    expect(s.classify('repl')).toBe('unknown');
  });

  it('finds the end of a statement outside quotes and comments', () => {
    expect(statementComplete('select 1;')).toBe(true);
    expect(statementComplete("select ';'")).toBe(false);
    expect(statementComplete("select 'a'; -- done")).toBe(true);
    expect(statementComplete('select $$;$$')).toBe(false);
    expect(statementComplete('create function f() returns int as $b$ select 1; $b$ language sql;')).toBe(true);
    expect(statementComplete('select 1 /* ; */')).toBe(false);
  });

  it('completes command names, options and relation names', () => {
    const src = { ...grammar, relations: () => ['public.orders', 'public.order_items', 'audit.log'] };
    expect(complete('sta', 3, src).candidates).toEqual(['status']);
    expect(complete('status --j', 10, src).candidates).toEqual(['--json']);
    expect(complete('select * from ord', 17, src).candidates).toEqual(['order_items', 'orders']);
    expect(complete('\\d audit.', 9, src).candidates).toEqual(['audit.log']);
    expect(complete('\\d', 2, src).candidates).toContain('\\dt');
  });

  it('never saves passwords with a connection', () => {
    expect(stripPassword('postgres://u:secret@h:5432/db?sslmode=require')).toBe('postgres://u@h:5432/db?sslmode=require');
    expect(stripPassword("host=h password='se cret' dbname=d")).toBe('host=h dbname=d');
  });
});
