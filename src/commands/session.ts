import type { Command, CommandContext, OptionSpec } from '../cli/command.js';
import type { Connection } from '../core/db/connection.js';
import { describeTarget } from '../core/db/conninfo/resolve.js';
import { isUserError, UserError } from '../core/errors.js';
import { closest } from './closest.js';
import { notAvailableYet, parseOptions, takesPositionals, type Grammar } from './invocation.js';
import { describe } from './meta-describe.js';
import { LISTS, runList } from './meta-lists.js';
import { exportLast, firstTable } from './export-result.js';
import { errorOutput, textOutput, type Output } from './output.js';
import { PLANNED_COMMANDS } from './planned.js';
import { isConnectionLoss, runSql } from './run-sql.js';
import { borrowedConnection } from './shared-connection.js';
import { SQL_START_WORDS } from './sql-words.js';
import { tokenize } from './tokenize.js';
import { saveConnection } from './user-config.js';

/** What the program around the prompt (full-screen app or line REPL) does for the prompt. */
export interface SessionHost {
  quit?(): void;
  /** switches to a saved connection name or a conninfo; resolves to a one-line status */
  switchConnection?(spec: string): Promise<string>;
  /** asks before something risky; the line REPL answers yes (the user typed it) */
  confirm?(question: string): Promise<boolean>;
  /** the write mode changed (status bar) */
  onWriteMode?(on: boolean): void;
}

export interface SessionOptions {
  /** the connection as of now: switching and reconnecting replace it */
  connection: () => Connection | undefined;
  grammar: Grammar;
  env: NodeJS.ProcessEnv;
  host?: SessionHost;
}

export const META_COMMANDS: readonly string[] = [...Object.keys(LISTS), '\\x', '\\timing', '\\conninfo', '\\?', '\\q'];

/** Words the prompt knows besides the CLI's commands. */
export const BUILTINS: Record<string, string> = {
  help: 'this list (also \\?)',
  quit: 'leave (also \\q, exit)',
  write: 'write on|off: allow or refuse changes for later statements',
  connect: 'connect NAME|CONNINFO: switch to a saved connection (or demo) or a URL',
  'save-connection': 'save-connection NAME: save the current server connection (never its password)',
  export: 'export FILE.csv|.tsv|.json [--force]: write the last result\'s rows to a file (--force replaces it)',
};

export type LineKind = 'empty' | 'meta' | 'builtin' | 'command' | 'planned' | 'sql' | 'unknown';

/**
 * The prompt's state (expanded display, timing, write mode) and the one place that decides
 * what a line is: a psql meta-command, a CLI command, a prompt builtin, or SQL.
 */
export class CommandSession {
  expanded = false;
  timing = false;
  #writeMode: boolean;
  /** the last output with rows, for `export` */
  #last: Output | undefined;
  readonly #o: SessionOptions;
  readonly commands: readonly Command[];

  constructor(o: SessionOptions) {
    this.#o = o;
    // `repl` inside the prompt would nest a REPL in a REPL
    this.commands = o.grammar.commands.filter((c) => c.name !== 'repl');
    this.#writeMode = !(o.connection()?.readOnly ?? true);
  }

  get writeMode(): boolean {
    return this.#writeMode;
  }

  /** a new connection starts in its own mode (servers read-only unless --write) */
  resetWriteMode(): void {
    this.#writeMode = !(this.#o.connection()?.readOnly ?? true);
  }

  classify(line: string): LineKind {
    const t = line.trim();
    if (!t) return 'empty';
    if (t.startsWith('\\')) return 'meta';
    const forced = t.startsWith(':');
    const body = forced ? t.slice(1).trim() : t;
    const first = (body.match(/^[^\s;(]+/)?.[0] ?? '').toLowerCase();
    if (first in BUILTINS || first === 'exit') return 'builtin';
    if (this.commands.some((c) => c.name === first)) return 'command';
    if (PLANNED_COMMANDS.includes(first)) {
      // EXPLAIN and ANALYZE are SQL too: until the commands exist, `explain select …` runs as SQL
      const rest = body.slice(first.length).trim();
      return !forced && SQL_START_WORDS.has(first) && rest && !rest.startsWith('-') ? 'sql' : 'planned';
    }
    if (forced) return 'unknown';
    if (SQL_START_WORDS.has(first) || body.startsWith('(') || body.startsWith('--') || body.startsWith('/*')) return 'sql';
    return 'unknown';
  }

  /** A result shown by other means (the Workbench's F5) becomes what `export` writes. */
  remember(out: Output): void {
    if (firstTable(out)) this.#last = out;
  }

  /** Runs one line; never throws (a failure is an Output with `error`). */
  async execute(line: string): Promise<Output & { quit?: boolean }> {
    try {
      const out = await this.#execute(line);
      this.remember(out);
      return out;
    } catch (err) {
      if (isUserError(err)) return errorOutput(err.message);
      const out = errorOutput(`unexpected error: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      if (isConnectionLoss(err)) out.connectionLost = true;
      return out;
    }
  }

  async #execute(line: string): Promise<Output & { quit?: boolean }> {
    const kind = this.classify(line);
    const t = line.trim();
    const body = t.startsWith(':') ? t.slice(1).trim() : t;
    switch (kind) {
      case 'empty':
        return { blocks: [] };
      case 'meta':
        return this.#meta(t);
      case 'builtin':
        return this.#builtin(tokenize(body));
      case 'command':
        return this.#command(tokenize(body));
      case 'planned':
        return errorOutput(notAvailableYet(body.split(/\s+/)[0]!).message);
      case 'sql':
        return { ...(await runSql(this.#conn(), body.replace(/;\s*$/, ''), { readOnly: !this.#writeMode, timing: this.timing })), expanded: this.expanded };
      case 'unknown': {
        const word = body.split(/\s+/)[0]!;
        const near = closest(word, [...this.commands.map((c) => c.name), ...PLANNED_COMMANDS, ...Object.keys(BUILTINS)]);
        return errorOutput(`unknown command "${word}"${near ? ` (did you mean ${near}?)` : ''}; type help for the list, or start SQL with a keyword such as SELECT`);
      }
    }
  }

  #conn(): Connection {
    const c = this.#o.connection();
    if (!c) throw new UserError('not connected yet; wait for the status bar to show the connection');
    return c;
  }

  async #meta(t: string): Promise<Output & { quit?: boolean }> {
    const [cmd0, ...args] = t.split(/\s+/);
    // psql accepts \dt+ and \dS; the extra detail is not shown here, the listing is
    const cmd = cmd0!.replace(/[+S]+$/, '') || cmd0!;
    const arg = args[0];
    if (cmd === '\\q') {
      this.#o.host?.quit?.();
      return { blocks: [], quit: true };
    }
    if (cmd === '\\?') return this.#help();
    if (cmd === '\\x') {
      this.expanded = toggle(arg, this.expanded);
      return { blocks: [], status: `Expanded display is ${this.expanded ? 'on' : 'off'}.` };
    }
    if (cmd === '\\timing') {
      this.timing = toggle(arg, this.timing);
      return { blocks: [], status: `Timing is ${this.timing ? 'on' : 'off'}.` };
    }
    if (cmd === '\\conninfo') {
      const c = this.#conn();
      return textOutput(`Connected to ${describeTarget(c.target)} (${c.server.versionString.replace(/ on .*$/, '')}), ${this.#writeMode ? 'read-write' : 'read-only'}.`);
    }
    if (cmd === '\\d' && arg) return { ...(await describe(this.#conn(), arg)), expanded: this.expanded };
    if (cmd in LISTS) return { ...(await runList(this.#conn(), cmd, arg)), expanded: this.expanded };
    const near = closest(cmd, META_COMMANDS);
    return errorOutput(`invalid command ${cmd0}${near ? ` (did you mean ${near}?)` : ''}; try \\? for help`);
  }

  async #builtin([word, ...args]: string[]): Promise<Output & { quit?: boolean }> {
    switch (word!.toLowerCase()) {
      case 'help':
        return this.#help();
      case 'quit':
      case 'exit':
        this.#o.host?.quit?.();
        return { blocks: [], quit: true };
      case 'write': {
        const on = toggle(args[0], this.#writeMode);
        const c = this.#conn();
        if (on && !this.#writeMode && c.target.kind === 'server') {
          const ok = await (this.#o.host?.confirm?.(`Allow changes on ${describeTarget(c.target)}?`) ?? Promise.resolve(true));
          if (!ok) return { blocks: [], status: 'Still read-only.' };
        }
        await c.setWriteMode(on);
        this.#writeMode = on;
        this.#o.host?.onWriteMode?.(on);
        return { blocks: [], status: on ? 'Write mode on: statements may change data.' : 'Read-only: statements that change data are refused.' };
      }
      case 'save-connection': {
        const c = this.#conn();
        if (!args[0]) return errorOutput('save-connection needs a name, e.g. save-connection staging');
        if (c.target.kind !== 'server') return errorOutput('only server connections are saved; the demo is always there as "demo"');
        const t = c.target;
        const q = (v: string) => (/^[^\s'\\]+$/.test(v) ? v : `'${v.replace(/['\\]/g, '\\$&')}'`);
        const conninfo = `host=${q(t.host)} port=${t.port} dbname=${q(t.database)} user=${q(t.user)} sslmode=${t.sslmode}`;
        await saveConnection(args[0], conninfo, this.#o.env);
        return { blocks: [], status: `saved "${args[0]}" = ${conninfo}; switch to it with connect ${args[0]} or C` };
      }
      case 'export':
        return exportLast(this.#last, args);
      case 'connect': {
        if (!args.length) return errorOutput('connect needs a saved connection name or a conninfo, e.g. connect postgres://localhost/shop');
        if (!this.#o.host?.switchConnection) return errorOutput('switching connections is not available here');
        return { blocks: [], status: await this.#o.host.switchConnection(args.join(' ')) };
      }
    }
    return errorOutput(`unknown builtin ${word}`);
  }

  async #command([name, ...rest]: string[]): Promise<Output> {
    const command = this.commands.find((c) => c.name === name)!;
    const { values, positionals } = parseOptions(command, rest, this.#o.grammar);
    if (values.help) return textOutput(`Usage: ${command.usage}\n\n${command.summary}`);
    if (positionals.length && !takesPositionals(command)) return errorOutput(`unexpected argument "${positionals[0]}" for ${command.name}`);
    let out = '';
    let err = '';
    const conn = this.#conn();
    const ctx: CommandContext = {
      values,
      positionals,
      // captured text is drawn by the prompt's own views: no terminal colours in it
      env: { ...this.#o.env, NO_COLOR: '1' },
      out: (s) => { out += s; },
      err: (s) => { err += s; },
      target: () => ({ target: conn.target }),
      connect: async () => borrowedConnection(conn),
    };
    const code = await command.run(ctx);
    const text = (out + err).replace(/\n$/, '');
    // exit code 1 means "findings at or over the threshold" (architecture.md), not a failure
    if (code <= 1) return textOutput(text, code === 0 ? `${name}: done` : `${name}: exit code 1 (findings at or over the threshold)`);
    return { ...textOutput(text), error: `${name} failed (exit code ${code})${err ? `: ${err.split('\n')[0]}` : ''}` };
  }

  #help(): Output {
    const cmds = this.commands.map((c) => [c.name, c.summary]);
    const lines = [
      'Commands (the same as on the command line):',
      ...cmds.map(([n, s]) => `  ${n!.padEnd(16)} ${s}`),
      `  not available yet: ${PLANNED_COMMANDS.filter((n) => !this.commands.some((c) => c.name === n)).join(', ')}`,
      'Prompt:',
      ...Object.entries(BUILTINS).map(([n, s]) => `  ${n.padEnd(16)} ${s}`),
      'psql meta-commands:',
      '  \\d [NAME]  \\dt  \\di  \\dv  \\dm  \\ds  \\dn  \\dT  \\df  [PATTERN]    \\x [on|off]  \\timing [on|off]  \\conninfo  \\q',
      'Anything else starting with an SQL keyword runs as SQL (read-only unless write mode is on).',
    ];
    return textOutput(lines.join('\n'));
  }
}

function toggle(arg: string | undefined, cur: boolean): boolean {
  if (arg === undefined) return !cur;
  return /^(on|true|1|yes)$/i.test(arg);
}

export type { OptionSpec };
