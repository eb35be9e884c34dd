import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { osc52 } from '../../src/tui/terminal/clipboard.js';
import { FrameWriter } from '../../src/tui/terminal/frame-writer.js';
import { Screen } from '../../src/tui/terminal/screen.js';

class FakeTty extends EventEmitter {
  columns = 40;
  rows = 10;
  isTTY = true;
  out: string[] = [];
  write = (s: string) => { this.out.push(s); return true; };
}

describe('FrameWriter', () => {
  it('draws the first frame whole, then only the lines that changed, never clearing the screen', () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as NodeJS.WriteStream);
    w.write('a\nb\nc');
    expect(tty.out[0]).toContain('\x1b[2J');
    w.write('a\nB\nc');
    const second = tty.out[1]!;
    expect(second).not.toContain('\x1b[2J');
    expect(second).toContain('\x1b[2;1H\x1b[2KB');
    expect(second).not.toContain('\x1b[1;1H');
    expect(second).not.toContain('\x1b[3;1H');
    // synchronized update around each frame: no half-drawn frames
    expect(second.startsWith('\x1b[?2026h') && second.endsWith('\x1b[?2026l')).toBe(true);
    w.write('a\nB\nc');
    expect(tty.out).toHaveLength(2);
  });

  it('clears lines a shorter frame no longer uses, and redraws everything after a resize or repaint', () => {
    const tty = new FakeTty();
    const w = new FrameWriter(tty as unknown as NodeJS.WriteStream);
    w.write('a\nb\nc');
    w.write('a');
    expect(tty.out[1]).toContain('\x1b[2;1H\x1b[2K');
    expect(tty.out[1]).toContain('\x1b[3;1H\x1b[2K');
    let resized = 0;
    w.on('resize', () => resized++);
    tty.emit('resize');
    expect(resized).toBe(1);
    w.write('a');
    expect(tty.out[2]).toContain('\x1b[2J');
    w.repaint();
    expect(tty.out[3]).toContain('\x1b[1;1H\x1b[2Ka');
  });
});

describe('Screen', () => {
  it('enters the alternate screen and restores it once, with the cursor shown again', () => {
    const tty = new FakeTty();
    const modes: boolean[] = [];
    const s = new Screen(tty as unknown as NodeJS.WriteStream, { isTTY: true, setRawMode: (on: boolean) => modes.push(on) } as never);
    s.enter();
    expect(tty.out[0]).toContain('\x1b[?1049h');
    s.leave();
    s.leave();
    const restores = tty.out.filter((x) => x.includes('\x1b[?1049l'));
    expect(restores).toHaveLength(1);
    expect(restores[0]).toContain('\x1b[?25h');
    expect(modes).toEqual([false]);
  });
});

describe('OSC 52', () => {
  it('sets the clipboard through the terminal, wrapped for tmux', () => {
    expect(osc52('hi', {})).toBe('\x1b]52;c;aGk=\x07');
    expect(osc52('hi', { TMUX: '/tmp/tmux' })).toBe('\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\');
  });
});
