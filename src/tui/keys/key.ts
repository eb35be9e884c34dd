/**
 * One keypress as the dispatcher sees it. Ink 6.8's `useInput` cannot tell F-keys apart and
 * reports Backspace as Delete (tui.md §4.2), so we read Ink's raw input events and name keys here.
 */
export interface Key {
  /** `a`, `G`, `?`, `enter`, `esc`, `tab`, `up`, `pagedown`, `f1`, `backspace`, `paste`... */
  name: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** text to insert in a text field (a typed character or a pasted string) */
  text?: string;
}

const key = (name: string, mods: Partial<Omit<Key, 'name'>> = {}): Key => ({ name, ctrl: false, alt: false, shift: false, ...mods });

const CSI_TILDE: Record<string, string> = {
  '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end',
  '11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5', '17': 'f6', '18': 'f7', '19': 'f8', '20': 'f9',
  '21': 'f10', '23': 'f11', '24': 'f12',
};
const CSI_LETTER: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', P: 'f1', Q: 'f2', R: 'f3', S: 'f4', Z: 'tab' };
const SS3: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', P: 'f1', Q: 'f2', R: 'f3', S: 'f4' };
// the Linux console's F1–F5
const LINUX_F: Record<string, string> = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' };

/** xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4) */
function mods(param: string | undefined): Partial<Key> {
  const m = Math.max(0, Number(param ?? 1) - 1);
  return { shift: !!(m & 1), alt: !!(m & 2), ctrl: !!(m & 4) };
}

/** Names one input event from Ink's input parser (a control sequence, a character, or pasted text). */
export function parseKey(s: string): Key {
  if (s === '\r') return key('enter');
  if (s === '\n') return key('j', { ctrl: true });
  if (s === '\t') return key('tab');
  if (s === '\x7f' || s === '\b') return key('backspace');
  if (s === '\x1b' || s === '\x1b\x1b') return key('esc');
  if (s === '\x00') return key('space', { ctrl: true });
  if (s === '\x1b\r') return key('enter', { alt: true });
  if (s === '\x1b\x7f') return key('backspace', { alt: true });
  if (s.startsWith('\x1b[[') && s.length === 4) return key(LINUX_F[s[3]!] ?? 'unknown');
  let m = /^\x1b\[(\d+)(?:;(\d+))?~$/.exec(s);
  if (m) return key(CSI_TILDE[m[1]!] ?? 'unknown', mods(m[2]));
  m = /^\x1b\[(?:1;(\d+))?([A-Z])$/.exec(s);
  if (m) return m[2] === 'Z' ? key('tab', { shift: true }) : key(CSI_LETTER[m[2]!] ?? 'unknown', mods(m[1]));
  m = /^\x1bO([A-Z])$/.exec(s);
  if (m) return key(SS3[m[1]!] ?? 'unknown');
  if (s.startsWith('\x1b[') || s.startsWith('\x1bO')) return key('unknown');
  if (s.length === 2 && s[0] === '\x1b') {
    const inner = parseKey(s[1]!);
    return { ...inner, alt: true, text: undefined };
  }
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c < 32) return key(String.fromCharCode(c + 96), { ctrl: true });
    return key(s, { text: s });
  }
  // several characters in one read: a paste, or keys typed faster than we read
  return key('paste', { text: s.replace(/\r\n?/g, '\n') });
}

/** A paste in navigation mode is a burst of keys: `jjj` must move three rows (tui.md §4.2). */
export function splitBurst(k: Key): Key[] {
  if (k.name !== 'paste' || !k.text) return [k];
  return [...k.text].map((ch) => parseKey(ch === '\n' ? '\r' : ch));
}
