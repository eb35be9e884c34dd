/** Python naming: safe identifiers, class names, plural/singular for relationship names. */

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', '_']);

/** Names an attribute of a mapped class must never take: declarative internals and what annotations use. */
export const RESERVED_ATTRS = new Set([
  'metadata', 'registry', 'query', 'query_class', '__table__', '__tablename__', '__mapper__', '__mapper_args__', '__table_args__',
  'int', 'str', 'bool', 'float', 'bytes', 'list', 'dict', 'set', 'tuple', 'object', 'type', 'id_', 'Any', 'Mapped', 'mapped_column', 'relationship',
]);

/** A Python identifier for `name` (ASCII letters, digits, _; no keyword; no leading digit). */
export function pyIdent(name: string): string {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_]/g, '_');
  if (!s || /^\d/.test(s)) s = `_${s}`;
  if (s.startsWith('_sa_')) s = `x${s}`;
  if (KEYWORDS.has(s)) s = `${s}_`;
  return s;
}

/** snake_case attribute name; columns keep their own name where it is already one. */
export const attrName = (name: string): string => {
  const s = pyIdent(name);
  return /^[A-Z]/.test(s) && /[a-z]/.test(s) ? s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : s;
};

export function pascal(name: string): string {
  const words = pyIdent(name).split(/_+/).filter(Boolean);
  const p = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(p) ? p : `T${p}`;
}

const IRREGULAR: Record<string, string> = { people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', statuses: 'status', addresses: 'address', analyses: 'analysis' };

export function singular(word: string): string {
  const lower = word.toLowerCase();
  for (const [pl, sg] of Object.entries(IRREGULAR)) if (lower.endsWith(pl)) return word.slice(0, word.length - pl.length) + sg;
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && word.length > 1) return word.slice(0, -1);
  return word;
}

export function plural(word: string): string {
  const lower = word.toLowerCase();
  for (const [pl, sg] of Object.entries(IRREGULAR)) if (lower.endsWith(sg) && pl !== sg) return word.slice(0, word.length - sg.length) + pl;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Member names for enum labels: upper snake case, unique after normalisation (`Open`/`open` → OPEN, OPEN_2). */
export function enumMembers(labels: string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    let base = pyIdent(label).replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/^_+(?=.)/, '');
    if (!base || base === '_' || /^\d/.test(base)) base = `V_${base.replace(/^_/, '')}` || 'EMPTY';
    if (label === '') base = 'EMPTY';
    if (KEYWORDS.has(base) || ['NAME', 'VALUE'].includes(base) || base.startsWith('_')) base = `${base}_`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

/** A Python string literal (double quotes, escapes for quotes, backslashes, control and non-ASCII characters kept as is). */
export function pyStr(s: string): string {
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  // ruff format prefers double quotes, and single quotes when that avoids escaping
  if (s.includes('"') && !s.includes("'")) return `'${body}'`;
  return `"${body.replace(/"/g, '\\"')}"`;
}

/** Picks `want`, or `want_`, `want_2`… — the first not in `used` — and records it. */
export function unique(want: string, used: Set<string>): string {
  let name = want;
  if (used.has(name)) name = `${want}_`;
  for (let n = 2; used.has(name); n++) name = `${want}_${n}`;
  used.add(name);
  return name;
}

/** `unique` for a name space spread over several sets: `taken` says what is in use; the pick is added to `record`. */
export function uniqueBy(want: string, taken: (name: string) => boolean, record: Set<string>): string {
  let name = want;
  if (taken(name)) name = `${want}_`;
  for (let n = 2; taken(name); n++) name = `${want}_${n}`;
  record.add(name);
  return name;
}
