import { createInterface, type Interface } from 'node:readline';
import type { Connection } from '../core/db/connection.js';
import { complete, type CompletionSource } from './complete.js';
import { formatOutput } from './format-text.js';
import type { CommandSession } from './session.js';
import { statementComplete } from './statement-end.js';
import type { PromptHistory } from './user-config.js';

export interface ReplStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** errors go here (stderr), results to `output` */
  error: (s: string) => void;
}

export interface ReplOptions {
  session: CommandSession;
  history: PromptHistory;
  completion: CompletionSource;
  connection: () => Connection | undefined;
  /** shown once at start on a terminal */
  banner?: string;
}

/**
 * The line REPL behind `tablewright repl`: the same lines as the TUI's command line, for dumb
 * terminals and pipes. On a terminal it prompts with history and Tab completion; otherwise it
 * reads stdin to the end. SQL runs when a line ends with `;` (statements may span lines);
 * meta-commands and commands run at the end of their line. Resolves to the exit code: 0, or 1
 * when a line failed while reading a pipe (so scripts notice).
 */
export async function runLineRepl(o: ReplOptions, io: ReplStreams): Promise<number> {
  const tty = !!io.input.isTTY && !!io.output.isTTY;
  const rl: Interface = createInterface({
    input: io.input,
    output: tty ? io.output : undefined,
    terminal: tty,
    historySize: 500,
    history: tty ? [...o.history.entries].reverse() : [],
    completer: tty ? (line: string) => {
      const c = complete(line, line.length, o.completion);
      return [c.candidates, line.slice(c.start)];
    } : undefined,
  });
  const PROMPT = 'tablewright=> ';
  const MORE = 'tablewright-> ';
  let buffer = '';
  let failed = false;
  let busy = false;
  const write = (s: string) => void io.output.write(s);

  const run = async (text: string): Promise<boolean> => {
    busy = true;
    try {
      const out = await o.session.execute(text);
      const printed = formatOutput({ ...out, error: undefined, errorAt: undefined });
      if (printed) write(printed.endsWith('\n') ? printed : `${printed}\n`);
      if (out.error) {
        failed = true;
        io.error(formatOutput({ blocks: [], error: out.error, errorAt: out.errorAt }));
      }
      return !!out.quit;
    } finally {
      busy = false;
    }
  };

  if (tty && o.banner) write(`${o.banner}\n`);
  rl.on('SIGINT', () => {
    const conn = o.connection();
    if (busy && conn?.canCancel) {
      void conn.cancel();
      return;
    }
    // psql: Ctrl+C drops the line being typed; Ctrl+D (or \q) leaves
    buffer = '';
    write('^C\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  });
  if (tty) {
    rl.setPrompt(PROMPT);
    rl.prompt();
  }

  for await (const line of rl) {
    let quit = false;
    const t = line.trim();
    if (!buffer && !t) {
      // nothing
    } else if (t.startsWith('\\') || (!buffer && o.session.classify(t) !== 'sql')) {
      // like psql, a backslash command runs at once even inside an unfinished statement
      o.history.add(t);
      quit = await run(t);
    } else {
      buffer = buffer ? `${buffer}\n${line}` : line;
      if (statementComplete(buffer)) {
        const sql = buffer;
        buffer = '';
        o.history.add(sql.replace(/\s*\n\s*/g, ' '));
        quit = await run(sql);
      }
    }
    if (quit) break;
    if (tty) {
      rl.setPrompt(buffer ? MORE : PROMPT);
      rl.prompt();
    }
  }
  // a pipe that ends without a final `;` still runs its last statement, as psql does
  if (buffer.trim()) await run(buffer);
  rl.close();
  if (tty) write('\n');
  return failed && !tty ? 1 : 0;
}
