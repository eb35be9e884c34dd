import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import type { Command, OptionSpec } from '../cli/command.js';
import { closest } from './closest.js';
import { PLANNED_COMMANDS } from './planned.js';

/**
 * The one grammar for commands, used by the CLI's argv and by the TUI/REPL prompt:
 * `NAME [--option [VALUE]]... [POSITIONAL]...` with the command's own options plus the
 * connection options for commands that connect.
 */
export interface Invocation {
  command?: Command;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Grammar {
  commands: readonly Command[];
  connectionOptions: OptionSpec;
}

function stringOptions(g: Grammar): Set<string> {
  return new Set(
    [g.connectionOptions, ...g.commands.map((c) => c.options ?? {})]
      .flatMap((o) => Object.entries(o).filter(([, v]) => v.type === 'string').map(([k]) => `--${k}`)),
  );
}

/** The command name is the first word that is neither an option nor an option's value. */
export function splitCommand(argv: readonly string[], g: Grammar): { name?: string; rest: string[] } {
  const takesValue = stringOptions(g);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (takesValue.has(a)) i++;
      continue;
    }
    return { name: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { rest: [...argv] };
}

/** "unknown command" with the nearest real or planned name, the same text in the CLI and the TUI. */
export function unknownCommand(name: string, g: Grammar, where = 'see tablewright --help'): UserError {
  const near = closest(name, [...g.commands.map((c) => c.name), ...PLANNED_COMMANDS]);
  return new UserError(`unknown command "${name}"${near ? ` (did you mean ${near}?)` : ''}; ${where}`);
}

export const notAvailableYet = (name: string): UserError =>
  new UserError(`"${name}" is not available yet in this version of Tablewright`);

export function parseOptions(c: Command | undefined, rest: readonly string[], g: Grammar): Omit<Invocation, 'command'> {
  const options: OptionSpec = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, ...(c?.options ?? {}) };
  if (!c || c.connects) Object.assign(options, g.connectionOptions);
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    return { values: values as Invocation['values'], positionals };
  } catch (err) {
    const m = String((err as Error).message).split('\n')[0]!.replace(/\. To specify a positional.*$/, '');
    throw new UserError(`${m}; see tablewright ${c ? `${c.name} ` : ''}--help`);
  }
}

/** Parses a whole argv (CLI) or a tokenized prompt line (TUI) into an invocation. */
export function parseInvocation(argv: readonly string[], g: Grammar): Invocation & { name?: string } {
  const { name, rest } = splitCommand(argv, g);
  const command = name === undefined ? undefined : g.commands.find((c) => c.name === name);
  if (name !== undefined && !command) throw PLANNED_COMMANDS.includes(name) ? notAvailableYet(name) : unknownCommand(name, g);
  return { name, command, ...parseOptions(command, rest, g) };
}

/** Whether a command takes positional arguments, judged from its usage line. */
export const takesPositionals = (c: Command): boolean => c.usage.includes('[') || c.usage.includes('FILE') || c.usage.includes('TABLE');
