import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

/**
 * The real binary (the bundle users run) under script(1) in a pseudo-terminal, with the screen
 * rebuilt from what it writes: FrameWriter draws changed lines by absolute row (`ESC[row;1H ESC[2K`).
 */
export class PtyApp {
  readonly child: ChildProcess;
  raw = '';
  readonly rows: string[];
  exitCode: number | null | undefined;
  readonly #exited: Promise<void>;

  constructor(args: string[], env: NodeJS.ProcessEnv, cwd: string, size = { columns: 120, rows: 40 }) {
    this.rows = Array.from({ length: size.rows }, () => '');
    const bin = join(process.cwd(), 'bin/tablewright.js');
    const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    this.child = spawn('script', ['-qfc', `stty cols ${size.columns} rows ${size.rows}; exec ${quoted}`, '/dev/null'], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => this.#feed(d.toString('utf8')));
    this.#exited = new Promise((resolve) => this.child.on('exit', (code) => { this.exitCode = code; resolve(); }));
  }

  #feed(text: string): void {
    this.raw += text;
    for (const part of text.split(/(?=\x1b\[\d+;1H)/)) {
      if (part.includes('\x1b[H\x1b[2J')) this.rows.fill('');
      const m = /^\x1b\[(\d+);1H(?:\x1b\[2K)?([\s\S]*)$/.exec(part);
      if (!m) continue;
      const row = Number(m[1]) - 1;
      if (row < this.rows.length) this.rows[row] = m[2]!.split('\x1b[?2026l')[0]!.replace(ANSI, '').replace(/\r?\n[\s\S]*$/, '');
    }
  }

  screen(): string {
    return this.rows.join('\n');
  }

  async waitFor(pred: (screen: string) => boolean, what: string, ms = 30_000): Promise<string> {
    const t0 = Date.now();
    for (;;) {
      const s = this.screen();
      if (pred(s)) return s;
      if (this.exitCode !== undefined) throw new Error(`the app exited (${this.exitCode}) before ${what}:\n${s}`);
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.child.stdin!.write(k);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  async exited(ms = 10_000): Promise<number | null> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    await this.#exited;
    clearTimeout(timer);
    return this.exitCode ?? null;
  }
}
