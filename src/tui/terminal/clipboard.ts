/**
 * Copies text with OSC 52: the terminal itself sets the clipboard, so it works over SSH with no
 * xclip (tui.md §2.3, Harlequin #1005). Inside tmux the sequence is wrapped in a DCS passthrough.
 */
export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const seq = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
  return env.TMUX ? `\x1bPtmux;${seq.replace(/\x1b/g, '\x1b\x1b')}\x1b\\` : seq;
}

/** Terminals cap OSC 52 payloads (xterm ~100 kB); refuse rather than send a truncated clipboard. */
export const OSC52_MAX_BYTES = 74_000;
