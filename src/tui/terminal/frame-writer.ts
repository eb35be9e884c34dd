import { EventEmitter } from 'node:events';

/**
 * Ink's stdout for the full-screen app: Ink runs in debug mode (it writes every whole frame here,
 * unthrottled) and this writes only the lines that changed, by absolute row, inside a synchronized
 * update. It replaces Ink 6.8's incrementalRendering, whose cursor-up count is one short when the
 * frame ends in a newline (every non-fullscreen frame), so each changed frame drifted a row down.
 * It also gives a true full repaint after a shell or $EDITOR drew over the screen.
 */
export class FrameWriter extends EventEmitter {
  readonly isTTY = true;
  readonly #out: NodeJS.WriteStream;
  #prev: string[] | null = null;
  /** bytes written, for the benchmark */
  bytes = 0;

  constructor(out: NodeJS.WriteStream) {
    super();
    this.#out = out;
    out.on('resize', () => {
      // after a resize the terminal may have reflowed what is on screen: draw everything
      this.#prev = null;
      this.emit('resize');
    });
  }

  get columns(): number {
    return this.#out.columns || 80;
  }

  get rows(): number {
    return this.#out.rows || 24;
  }

  write = (chunk: string | Uint8Array): boolean => {
    const lines = String(chunk).replace(/\n$/, '').split('\n');
    const prev = this.#prev;
    let buf = '';
    if (!prev) buf += '\x1b[H\x1b[2J';
    for (let i = 0; i < lines.length; i++) {
      // clear first, then draw: erasing after a full-width line would eat its last cell
      if (!prev || prev[i] !== lines[i]) buf += `\x1b[${i + 1};1H\x1b[2K${lines[i]}\x1b[0m`;
    }
    for (let i = lines.length; prev && i < prev.length; i++) buf += `\x1b[${i + 1};1H\x1b[2K`;
    this.#prev = lines;
    if (!buf) return true;
    const out = `\x1b[?2026h${buf}\x1b[?2026l`;
    this.bytes += Buffer.byteLength(out);
    return this.#out.write(out);
  };

  /** Draws the last frame again in full (the screen was used by another program). */
  repaint(): void {
    const last = this.#prev;
    this.#prev = null;
    if (last) this.write(last.join('\n'));
  }
}
