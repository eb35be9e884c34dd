import { render } from 'ink';
import type { OptionSpec } from '../cli/command.js';
import type { Command } from '../cli/command.js';
import { describeTarget } from '../core/db/conninfo/resolve.js';
import type { Target } from '../core/db/conninfo/types.js';
import type { OpenOptions } from '../core/db/open.js';
import { flushConfigWrites, PromptHistory, readUserConfig } from '../commands/user-config.js';
import { resolveKeymap } from './keys/resolve-keymap.js';
import { Root } from './Root.js';
import { AppController } from './state/app-controller.js';
import type { EarlyStart } from './state/early-open.js';
import { FrameWriter } from './terminal/frame-writer.js';
import { Screen } from './terminal/screen.js';
import { loadTheme } from './theme/theme.js';

export interface LaunchOptions {
  target: Target;
  openOptions: OpenOptions;
  env: NodeJS.ProcessEnv;
  commands: readonly Command[];
  connectionOptions: OptionSpec;
  /** a saved connection name or a conninfo → target (the CLI's resolution rules) */
  resolveSpec(spec: string): Target;
  /** a warning to show on the first frame (e.g. an unusable ~/.pgpass) */
  notice?: string;
  /** the connection and relation list, started before this module loaded */
  early?: EarlyStart;
}

/** The full-screen app (tui.md §4.10). Resolves to the exit code once the user quits. */
export async function launchTui(o: LaunchOptions): Promise<number> {
  const { stdout, stdin } = process;
  const { config, problem: configProblem } = readUserConfig(o.env);
  const keymap = resolveKeymap(config.keys ?? {});
  const { theme, problem: themeProblem } = loadTheme(config.theme, o.env);
  const screen = new Screen(stdout, stdin);
  const frames = new FrameWriter(stdout);
  const repaint = () => frames.repaint();
  let quit!: () => void;
  const quitting = new Promise<void>((r) => (quit = r));

  const app = new AppController({
    env: o.env,
    grammar: { commands: o.commands, connectionOptions: o.connectionOptions },
    history: new PromptHistory(o.env),
    keymap,
    writeTerminal: (s) => stdout.write(s),
    quit: () => quit(),
    suspend: () => screen.suspend(repaint),
    editText: (text, name) => screen.edit(text, name, o.env, repaint),
    connections: () => readUserConfig(o.env).config.connections ?? {},
    resolveSpec: o.resolveSpec,
    openOptions: o.openOptions,
  }, describeTarget(o.target));
  const notes = [o.notice, configProblem, themeProblem, ...keymap.problems].filter(Boolean);
  if (notes.length) app.message(notes.join('; '), 'warn');

  screen.enter();
  screen.installTeardown((err) => {
    process.stderr.write(`tablewright: unexpected error: ${String((err as Error)?.message ?? err).split('\n')[0]}${o.env.TW_DEBUG ? `\n${(err as Error)?.stack}` : ' (set TW_DEBUG=1 for details)'}\n`);
  });
  // before the first render: a relation list kept from the last start is then in its frame
  void app.open(o.target, o.early);
  // debug mode: Ink hands every whole frame to FrameWriter, which writes only the changed lines
  const instance = render(<Root app={app} theme={theme} stdout={frames as unknown as NodeJS.WriteStream} />, {
    stdout: frames as unknown as NodeJS.WriteStream,
    stdin,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await quitting;
  instance.unmount();
  screen.dispose();
  await flushConfigWrites().catch(() => {});
  await o.early?.flush().catch(() => {});
  // closing PGlite or a pool can take a moment; the screen is already restored
  await Promise.race([app.dispose(), new Promise((r) => setTimeout(r, 2000).unref())]);
  return 0;
}
