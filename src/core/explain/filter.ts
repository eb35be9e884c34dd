/** One `(col OP value)` of a Filter / Index Cond, as EXPLAIN prints it. */
export interface Condition {
  column: string;
  op: string;
  value: string;
  /** the value is a literal (`'paid'::text`, `42.5`), not another column or a volatile call */
  constant: boolean;
}

function stripParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')') && closes(t) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

/** Index of the parenthesis closing the one at 0. */
function closes(s: string): number {
  let depth = 0;
  let quote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTop(s: string, word: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')') depth--;
    else if (!quote && depth === 0 && s.startsWith(` ${word} `, i)) { out.push(s.slice(start, i)); start = i + word.length + 2; }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

const COLUMN = String.raw`(?:(?:"(?:[^"]|"")+"|[a-z_][\w$]*)\.)?("(?:[^"]|"")+"|[a-z_][\w$]*)`;
const COND_RE = new RegExp(String.raw`^${COLUMN}\s+(=|<>|<=|>=|<|>|~~\*?|!~~\*?)\s+(.+)$`, 'i');
const LITERAL_RE = /^(?:'(?:[^']|'')*'(?:::[\w\s."]+(?:\[\])?)?|-?\d+(?:\.\d+)?(?:::[\w\s."]+)?|\$\d+)$/;

const unquote = (c: string) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c);

/**
 * A filter as its AND-ed column conditions. `simple` is false when some part is not a plain
 * comparison (OR, functions on the column, subplans): then only `columns` is reliable.
 */
export function parseFilter(filter: string): ParsedFilter {
  let p = cache.get(filter);
  if (!p) {
    if (cache.size > 1000) cache.clear();
    cache.set(filter, (p = parse(filter)));
  }
  return p;
}

export interface ParsedFilter { conditions: Condition[]; simple: boolean; columns: string[] }
// several rules ask about the same Filter text
const cache = new Map<string, ParsedFilter>();

function parse(filter: string): ParsedFilter {
  const parts = splitTop(stripParens(filter), 'AND').map(stripParens);
  const conditions: Condition[] = [];
  let simple = splitTop(stripParens(filter), 'OR').length === 1;
  for (const p of parts) {
    const m = COND_RE.exec(p);
    if (!m) { simple = false; continue; }
    const value = stripParens(m[3]!);
    conditions.push({ column: unquote(m[1]!), op: m[2]!, value, constant: LITERAL_RE.test(value) });
  }
  const columns = [...new Set([...filter.matchAll(new RegExp(COLUMN, 'gi'))].filter((x) => x[0].includes('.')).map((x) => unquote(x[1]!)))];
  return { conditions, simple, columns: columns.length ? columns : conditions.map((c) => c.column) };
}
