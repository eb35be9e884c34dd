import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTER_ALT = '\x1b[?1049h';
const LEAVE_ALT = '\x1b[?1049l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
// kitty keyboard protocol off, bracketed paste off: leave the terminal as a shell expects it
const RESET_INPUT = '\x1b[<u\x1b[?2004l';

type Out = Pick<NodeJS.WriteStream, 'write'>;
type In = Pick<NodeJS.ReadStream, 'isTTY'> & { setRawMode?: (on: boolean) => unknown };

/**
 * The full-screen terminal: alternate screen in, and out again on every way the process can end
 * (tui.md §4.3) so a crash never leaves the user's shell on a blank screen with no cursor.
 */
export class Screen {
  #active = false;
  readonly #out: Out;
  readonly #in: In;
  readonly #cleanups: (() => void)[] = [];

  constructor(out: Out, input: In) {
    this.#out = out;
    this.#in = input;
  }

  enter(): void {
    this.#out.write(ENTER_ALT + HIDE_CURSOR + '\x1b[2J\x1b[H');
    this.#active = true;
  }

  /** Best effort and idempotent: it runs from exit handlers. */
  leave(): void {
    if (!this.#active) return;
    this.#active = false;
    try {
      this.#in.setRawMode?.(false);
    } catch {
      // stdin may already be closed
    }
    try {
      this.#out.write(RESET_INPUT + LEAVE_ALT + SHOW_CURSOR);
    } catch {
      // stdout may already be closed (SIGHUP)
    }
  }

  /** Restores the terminal on exit, SIGTERM, SIGHUP, SIGINT and fatal errors; `onFatal` reports the error after leaving. */
  installTeardown(onFatal: (err: unknown) => void): void {
    const onExit = () => this.leave();
    const onSignal = (code: number) => () => {
      this.leave();
      process.exit(code);
    };
    const fatal = (err: unknown) => {
      this.leave();
      onFatal(err);
      process.exit(2);
    };
    const sigterm = onSignal(143);
    // the terminal is gone: Node's own exit would assert resetting it (ResetStdio), so die of
    // the signal itself, as the shell expects of a hung-up job
    const sighup = () => {
      this.leave();
      process.removeListener('SIGHUP', sighup);
      process.kill(process.pid, 'SIGHUP');
    };
    const sigint = onSignal(130);
    process.on('exit', onExit);
    process.on('SIGTERM', sigterm);
    process.on('SIGHUP', sighup);
    process.on('SIGINT', sigint);
    process.on('uncaughtException', fatal);
    process.on('unhandledRejection', fatal);
    this.#cleanups.push(() => {
      process.off('exit', onExit);
      process.off('SIGTERM', sigterm);
      process.off('SIGHUP', sighup);
      process.off('SIGINT', sigint);
      process.off('uncaughtException', fatal);
      process.off('unhandledRejection', fatal);
    });
  }

  dispose(): void {
    this.leave();
    for (const c of this.#cleanups.splice(0)) c();
  }

  /**
   * Ctrl+Z: raw mode swallows SIGTSTP, so stop ourselves. A self-sent stop takes effect before
   * kill() returns, so the lines after it run once the shell's `fg` has continued us; where
   * there is no job control (an orphaned process group) the signal is dropped and we simply
   * come straight back. Either way: raw mode, alternate screen, full repaint.
   */
  suspend(repaint: () => void): void {
    this.leave();
    try {
      process.kill(process.pid, 'SIGTSTP');
    } finally {
      this.#in.setRawMode?.(true);
      this.enter();
      repaint();
    }
  }

  /**
   * Hands the terminal to $VISUAL/$EDITOR on a temp file holding `text` and returns what the
   * user saved. spawnSync blocks the event loop, which conveniently stops Ink drawing meanwhile.
   */
  edit(text: string, name: string, env: NodeJS.ProcessEnv, repaint: () => void): { text?: string; error?: string } {
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const dir = mkdtempSync(join(tmpdir(), 'tablewright-'));
    const file = join(dir, name.replace(/[^\w.-]+/g, '_'));
    writeFileSync(file, text);
    this.leave();
    try {
      const r = spawnSync(editor, [file], { stdio: 'inherit', shell: /\s/.test(editor) });
      if (r.error) return { error: `could not start ${editor}: ${r.error.message}; set $EDITOR` };
      return { text: readFileSync(file, 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      this.#in.setRawMode?.(true);
      this.enter();
      repaint();
    }
  }
}
