/** The imports a generated module needs, rendered in a stable order (ruff's isort groups: stdlib, third party). */
export class Imports {
  readonly #from = new Map<string, Set<string>>();
  readonly #plain = new Set<string>();

  add(module: string, name?: string): string {
    if (!name) {
      this.#plain.add(module);
      return module;
    }
    let set = this.#from.get(module);
    if (!set) this.#from.set(module, (set = new Set()));
    set.add(name);
    return name;
  }

  /** Each bound name and where it comes from: `[module, name]` for from-imports, `[module]` for plain ones. */
  bindings(): Map<string, [string, string?]> {
    const out = new Map<string, [string, string?]>();
    for (const m of this.#plain) out.set(m.split('.')[0]!, [m]);
    for (const [m, names] of this.#from) for (const n of names) out.set(n, [m, n]);
    return out;
  }

  /** Every name the imports bind, so attributes never shadow them. */
  names(): Set<string> {
    return new Set([...this.#plain].map((m) => m.split('.')[0]!).concat([...this.#from.values()].flatMap((s) => [...s])));
  }

  /** isort's layout as ruff applies it: sections, plain imports before from-imports, members ordered by type. */
  render(indent = ''): string {
    const stdlib = ['__future__', 'collections', 'datetime', 'decimal', 'enum', 'ipaddress', 'os', 'typing', 'uuid'];
    const section = (m: string) => (m === '__future__' ? 0 : m.startsWith('.') ? 3 : stdlib.includes(m.split('.')[0]!) ? 1 : 2);
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const lines: string[] = [];
    for (const sec of [0, 1, 2, 3]) {
      const plain = [...this.#plain].filter((m) => section(m) === sec).sort(byName);
      const froms = [...this.#from.keys()].filter((m) => section(m) === sec).sort(byName);
      if (!plain.length && !froms.length) continue;
      if (lines.length) lines.push('');
      for (const m of plain) lines.push(`${indent}import ${m}`);
      for (const m of froms) {
        const sorted = [...this.#from.get(m)!].sort(memberOrder);
        const one = `${indent}from ${m} import ${sorted.join(', ')}`;
        lines.push(one.length <= 88 ? one : `${indent}from ${m} import (\n${sorted.map((n) => `${indent}    ${n},`).join('\n')}\n${indent})`);
      }
    }
    return lines.join('\n');
  }
}

/** ruff's order-by-type: CONSTANTS, then Classes, then functions and variables; alphabetical within each. */
function memberOrder(a: string, b: string): number {
  const kind = (n: string) => (n.length > 1 && n === n.toUpperCase() ? 0 : /^[A-Z]/.test(n) ? 1 : 2);
  const k = kind(a) - kind(b);
  if (k) return k;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
