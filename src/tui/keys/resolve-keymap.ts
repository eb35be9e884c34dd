import { parseBinding, matches, type Binding } from './binding.js';
import { DEFAULT_KEYMAP, type CommandSpec, type Scope } from './keymap.js';
import type { Key } from './key.js';

export interface Keymap {
  specs: CommandSpec[];
  /** the command a key means in a scope */
  lookup(scope: Scope, k: Key): string | undefined;
  /** problems in the user's overrides, for the message area */
  problems: string[];
}

/** The default keymap with the user's `keys` overrides (command id → key or keys) applied. */
export function resolveKeymap(overrides: Record<string, string | string[]> = {}): Keymap {
  const problems: string[] = [];
  const specs = DEFAULT_KEYMAP.map((s) => ({ ...s, keys: [...s.keys] }));
  for (const [id, v] of Object.entries(overrides)) {
    const spec = specs.find((s) => s.id === id);
    if (!spec) {
      problems.push(`keys: unknown command "${id}"`);
      continue;
    }
    const keys = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    try {
      keys.forEach(parseBinding);
      spec.keys = keys;
    } catch (err) {
      problems.push(`keys.${id}: ${(err as Error).message}`);
    }
  }
  const parsed = new Map<Scope, [string, Binding][]>();
  for (const s of specs) {
    const list = parsed.get(s.scope) ?? [];
    for (const k of s.keys) list.push([s.id, parseBinding(k)]);
    parsed.set(s.scope, list);
  }
  return {
    specs,
    problems,
    lookup(scope, k) {
      return parsed.get(scope)?.find(([, b]) => matches(k, b))?.[0];
    },
  };
}
