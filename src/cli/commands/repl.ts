import type { Command, CommandContext } from '../command.js';
import type { ReplStreams } from '../../commands/line-repl.js';
import { describeTarget } from '../../core/db/conninfo/resolve.js';
import type { Connection } from '../../core/db/connection.js';
import { CONNECTION_OPTIONS } from '../options.js';


export const replCommand: Command = {
  name: 'repl',
  summary: 'line REPL: SQL, psql-style \\d meta-commands and these commands (reads stdin when it is not a terminal)',
  usage: 'tablewright repl [connection options]   (e.g. echo "\\dt" | tablewright repl)',
  connects: true,
  run: (ctx) => runRepl(ctx, { input: process.stdin, output: process.stdout, error: (s) => void process.stderr.write(s) }),
};

/** The REPL on given streams (tests pass in-memory ones). */
export async function runRepl(ctx: CommandContext, io: ReplStreams): Promise<number> {
  // loaded here, not at start-up: the session pulls in every command's dependencies
  const { runLineRepl } = await import('../../commands/line-repl.js');
  const { CommandSession } = await import('../../commands/session.js');
  const { flushConfigWrites, PromptHistory } = await import('../../commands/user-config.js');
  const { readRelationList } = await import('../../core/introspect/index.js');
  let conn: Connection | undefined = await ctx.connect();
  let relations: string[] = [];
  // names for Tab completion, read in the background so the prompt appears at once
  void readRelationList(conn).then((l) => (relations = l.map((r) => `${r.schema}.${r.name}`))).catch(() => {});
  // imported here, not at the top: the registry imports this file
  const { COMMANDS } = await import('./index.js');
  const grammar = { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS };
  const session = new CommandSession({ connection: () => conn, grammar, env: ctx.env });
  try {
    return await runLineRepl({
      session,
      history: new PromptHistory(ctx.env),
      completion: { ...grammar, relations: () => relations },
      connection: () => conn,
      banner: `Tablewright REPL on ${describeTarget(conn.target)} (${conn.readOnly ? 'read-only' : 'read-write'}). Type help or \\? for help, \\q to quit.`,
    }, io);
  } finally {
    const c = conn;
    conn = undefined;
    await c.close();
    await flushConfigWrites().catch(() => {});
  }
}
