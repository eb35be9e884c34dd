import { describe, expect, it } from 'vitest';
import { matches, parseBinding, showBinding } from '../../src/tui/keys/binding.js';
import { parseKey, splitBurst } from '../../src/tui/keys/key.js';
import { DEFAULT_KEYMAP } from '../../src/tui/keys/keymap.js';
import { resolveKeymap } from '../../src/tui/keys/resolve-keymap.js';

describe('parseKey', () => {
  it.each([
    ['\x1bOP', 'f1', {}], ['\x1b[11~', 'f1', {}], ['\x1b[17~', 'f6', {}], ['\x1b[15~', 'f5', {}],
    ['\x7f', 'backspace', {}], ['\r', 'enter', {}], ['\x1b\r', 'enter', { alt: true }], ['\n', 'j', { ctrl: true }],
    ['\x1b[Z', 'tab', { shift: true }], ['\t', 'tab', {}], ['\x1b[6~', 'pagedown', {}], ['\x1b[1;2B', 'down', { shift: true }],
    ['\x1b[1;5C', 'right', { ctrl: true }], ['\x1b1', '1', { alt: true }], ['\x03', 'c', { ctrl: true }], ['\x1b', 'esc', {}],
    ['G', 'G', {}], ['?', '?', {}], ['\x1bOA', 'up', {}], ['\x1b[H', 'home', {}],
  ])('%j is %s', (seq, name, mods) => {
    const k = parseKey(seq);
    expect(k.name).toBe(name);
    expect({ ctrl: k.ctrl, alt: k.alt, shift: k.shift }).toEqual({ ctrl: false, alt: false, shift: false, ...mods });
  });

  it('treats several characters in one read as a burst that splits into keys', () => {
    const k = parseKey('jjj');
    expect(k.name).toBe('paste');
    expect(splitBurst(k).map((x) => x.name)).toEqual(['j', 'j', 'j']);
    expect(splitBurst(parseKey('a\r')).map((x) => x.name)).toEqual(['a', 'enter']);
  });
});

describe('bindings', () => {
  it('parses and matches modifiers', () => {
    expect(matches(parseKey('\x04'), parseBinding('ctrl+d'))).toBe(true);
    expect(matches(parseKey('d'), parseBinding('ctrl+d'))).toBe(false);
    expect(matches(parseKey('\x1b[Z'), parseBinding('shift+tab'))).toBe(true);
    expect(matches(parseKey('\t'), parseBinding('shift+tab'))).toBe(false);
    expect(matches(parseKey('G'), parseBinding('G'))).toBe(true);
    expect(matches(parseKey('g'), parseBinding('G'))).toBe(false);
    expect(showBinding('ctrl+d')).toBe('Ctrl+D');
    expect(showBinding('G')).toBe('G');
    expect(showBinding('g')).toBe('g');
    expect(showBinding('pagedown')).toBe('PgDn');
    expect(() => parseBinding('hyper+x')).toThrow(/unknown modifier/);
  });

  it('every default binding parses and no key means two things in one scope', () => {
    const seen = new Map<string, string>();
    for (const spec of DEFAULT_KEYMAP) {
      for (const k of spec.keys) {
        const b = parseBinding(k);
        const id = `${spec.scope}:${b.ctrl}:${b.alt}:${b.shift}:${b.name}`;
        expect(seen.get(id), `${k} in ${spec.scope}`).toBeUndefined();
        seen.set(id, spec.id);
      }
    }
  });

  it('applies overrides from the config and reports bad ones', () => {
    const km = resolveKeymap({ 'app.quit': 'ctrl+x', 'no.such': 'x', 'app.help': ['bogus+k'] });
    expect(km.lookup('global', parseKey('\x18'))).toBe('app.quit');
    expect(km.lookup('global', parseKey('q'))).toBeUndefined();
    expect(km.lookup('global', parseKey('?'))).toBe('app.help');
    expect(km.problems).toHaveLength(2);
  });
});
