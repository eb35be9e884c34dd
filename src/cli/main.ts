import { homedir, userInfo } from 'node:os';
import { isUserError, UserError } from '../core/errors.js';
import { resolveTarget, type ConnectionOptions, type ResolveContext } from '../core/db/conninfo/resolve.js';
import { demoDir } from '../core/paths.js';
import type { Command, CommandContext } from './command.js';
import { parseInvocation, takesPositionals, type Grammar } from '../commands/invocation.js';
import { COMMANDS } from './commands/index.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS } from './options.js';
import { demoProgressPrinter } from './progress.js';
import { redactConnString } from '../core/db/conninfo/url.js';
import { resolveSpec } from './resolve-spec.js';
import { packageVersion } from '../core/package-root.js';

const VERSION = packageVersion();

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Tablewright ${VERSION}: a keyboard-driven terminal workbench for PostgreSQL schemas

Usage: tablewright [command] [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  tablewright COMMAND --help   shows a command's options
  tablewright --version        prints the version

${CONNECTION_HELP}
`;
}

function commandHelp(c: Command): string {
  const own = Object.entries(c.options ?? {}).map(([k, v]) => `  --${k}${v.type === 'string' ? ' VALUE' : ''}`);
  return `Usage: ${c.usage}\n\n${c.summary}\n${own.length ? `\nOptions:\n${own.join('\n')}\n` : ''}${c.connects ? `\n${CONNECTION_HELP}\n` : ''}`;
}

const GRAMMAR: Grammar = { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS };

export interface RunIO {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** stdin and stdout are a real terminal (the full-screen app needs both) */
  interactive?: boolean;
}

export async function run(argv: string[], io: RunIO): Promise<number> {
  const { command, values, positionals } = parseInvocation(argv, GRAMMAR);
  if (values.version) {
    io.out(`tablewright ${VERSION}\n`);
    return 0;
  }
  if (values.help) {
    io.out(command ? commandHelp(command) : mainHelp());
    return 0;
  }
  const ctxBase: ResolveContext = { env: io.env, home: homedir(), osUser: safeUser(io.env), demoDir: demoDir(io.env) };
  const connOpts: ConnectionOptions = {
    url: values.url as string | undefined,
    service: values.service as string | undefined,
    db: values.db as string | undefined,
    demo: values.demo as boolean | undefined,
  };
  let resolved: ReturnType<typeof resolveTarget> | undefined;
  const target = () => (resolved ??= resolveTarget(connOpts, ctxBase));
  const ctx: CommandContext = {
    values: values as CommandContext["values"],
    positionals,
    env: io.env,
    out: io.out,
    err: io.err,
    target,
    async connect() {
      const { target: t, pgpassProblem } = target();
      if (values['reset-demo']) {
        if (t.kind !== 'embedded' || !t.demo) throw new UserError('--reset-demo applies to the embedded demo database only');
        const { resetDemo } = await import('../core/demo/build.js');
        await resetDemo(t.dataDir, demoProgressPrinter());
      }
      const { openTarget } = await import('../core/db/open.js');
      return openTarget(t, {
        write: values.write as boolean | undefined,
        statementTimeoutMs: statementTimeout(values['statement-timeout'] as string | undefined),
        onDemoProgress: demoProgressPrinter(),
      }, pgpassProblem);
    },
  };
  if (!command) {
    // a bare `tablewright` is the full-screen app; it needs a terminal on both ends
    if (!io.interactive) {
      io.err('tablewright: the full-screen app needs a terminal; use "tablewright repl" for pipes and dumb terminals, or see tablewright --help\n');
      return 2;
    }
    const { target: tuiTarget, pgpassProblem } = target();
    // React's production build (the bundle has no other, scripts/bundle.mjs); through a local so
    // that the bundler's compile-time NODE_ENV does not turn this into an assignment to a constant
    const env = process.env;
    env.NODE_ENV ??= 'production';
    const openOptions = { write: values.write as boolean | undefined, statementTimeoutMs: statementTimeout(values['statement-timeout'] as string | undefined) };
    // connect while Ink loads: the first frame can then show the relation list
    const { startEarly } = await import('../tui/state/early-open.js');
    const early = startEarly(tuiTarget, openOptions);
    const { launchTui } = await import('../tui/launch.js');
    return launchTui({
      target: tuiTarget,
      early,
      notice: pgpassProblem ? `${pgpassProblem.path} not used: it ${pgpassProblem.reason}` : undefined,
      openOptions,
      env: io.env,
      commands: COMMANDS,
      connectionOptions: CONNECTION_OPTIONS,
      resolveSpec: (spec) => resolveSpec(spec, ctxBase),
    });
  }
  if (positionals.length && !takesPositionals(command)) {
    throw new UserError(`unexpected argument "${positionals[0]}" for ${command.name}; see tablewright ${command.name} --help`);
  }
  return command.run(ctx);
}

function statementTimeout(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`invalid --statement-timeout "${v}"; give milliseconds, e.g. 30000 (0 = none)`);
  return n;
}

function safeUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? 'postgres';
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `tablewright inspect | head` closes the pipe early: that is the reader's choice, not an error
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const io: RunIO = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    env: process.env,
    interactive: !!process.stdin.isTTY && !!process.stdout.isTTY && process.env.TERM !== 'dumb',
  };
  try {
    process.exitCode = await run(argv, io);
  } catch (err) {
    if (isUserError(err)) {
      io.err(`tablewright: ${redactConnString(err.message)}\n`);
      process.exitCode = err.exitCode;
    } else {
      const msg = redactConnString(String((err as Error)?.message ?? err).split('\n')[0]!);
      io.err(`tablewright: unexpected error: ${msg}${io.env.TW_DEBUG ? `\n${(err as Error)?.stack}` : ' (set TW_DEBUG=1 for details)'}\n`);
      process.exitCode = 2;
    }
  }
}

