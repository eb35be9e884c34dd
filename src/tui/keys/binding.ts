import type { Key } from './key.js';

/** A key as written in the keymap and the config file: `ctrl+d`, `shift+tab`, `f1`, `G`, `?`. */
export interface Binding {
  name: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

const ALIASES: Record<string, string> = { escape: 'esc', return: 'enter', pgdn: 'pagedown', pgup: 'pageup', del: 'delete', ' ': 'space' };

export function parseBinding(s: string): Binding {
  const parts = s === '+' ? ['+'] : s.endsWith('++') ? [...s.slice(0, -2).split('+'), '+'] : s.split('+');
  const b: Binding = { name: '', ctrl: false, alt: false, shift: false };
  for (const [i, p0] of parts.entries()) {
    const p = p0.length > 1 ? p0.toLowerCase() : p0;
    if (i < parts.length - 1) {
      if (p === 'ctrl' || p === 'c') b.ctrl = true;
      else if (p === 'alt' || p === 'meta' || p === 'm') b.alt = true;
      else if (p === 'shift' || p === 's') b.shift = true;
      else throw new Error(`unknown modifier "${p0}" in key "${s}"`);
    } else {
      b.name = ALIASES[p] ?? p;
    }
  }
  if (!b.name) throw new Error(`empty key "${s}"`);
  if (b.ctrl && b.name.length === 1) b.name = b.name.toLowerCase();
  return b;
}

export function matches(k: Key, b: Binding): boolean {
  const name = k.name === ' ' ? 'space' : k.name;
  if (name !== b.name || k.ctrl !== b.ctrl || k.alt !== b.alt) return false;
  // a typed `G` or `?` carries its shift in the character itself
  return name.length === 1 && !k.ctrl && !k.alt ? true : k.shift === b.shift;
}

/** How a binding is shown in the help overlay and hints. */
export function showBinding(s: string): string {
  const b = parseBinding(s);
  const pretty: Record<string, string> = {
    up: '↑', down: '↓', left: '←', right: '→', enter: 'Enter', esc: 'Esc', tab: 'Tab', pageup: 'PgUp', pagedown: 'PgDn',
    home: 'Home', end: 'End', backspace: 'Backspace', delete: 'Del', space: 'Space',
  };
  // Ctrl+letter is case-blind, shown the usual way (Ctrl+D); plain letters keep their case (g vs G)
  const name = pretty[b.name] ?? (/^f\d+$/.test(b.name) || ((b.ctrl || b.alt) && b.name.length === 1) ? b.name.toUpperCase() : b.name);
  return `${b.ctrl ? 'Ctrl+' : ''}${b.alt ? 'Alt+' : ''}${b.shift ? 'Shift+' : ''}${name}`;
}
