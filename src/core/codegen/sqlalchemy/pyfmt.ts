/**
 * Lays out generated Python lines the way `ruff format` (Black's style) leaves them: a line that is
 * too long has its last bracket exploded one item per line with a trailing comma (Black keeps that
 * "magic trailing comma" form as it is), recursively. Our generator writes only calls, literals and
 * annotations, which this handles; strings are never split, as Black does not split them either.
 */
export const LINE_LENGTH = 88;

/** Index of the bracket that opens the group closing at `end`, skipping strings. */
function openerOf(s: string, end: number): number {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let i = end;
  // scan forward to know string spans, then match brackets backwards within code parts
  const inString = new Uint8Array(s.length);
  let q: string | null = null;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (q) {
      inString[k] = 1;
      if (ch === '\\') { inString[k + 1] = 1; k++; continue; }
      if (ch === q) q = null;
    } else if (ch === '"' || ch === "'") { q = ch; inString[k] = 1; }
  }
  for (; i >= 0; i--) {
    if (inString[i]) continue;
    const ch = s[i]!;
    if (ch in pairs) stack.push(pairs[ch]!);
    else if ('([{'.includes(ch)) {
      if (stack.pop() !== ch) return -1;
      if (!stack.length) return i;
    }
  }
  return -1;
}

/** Splits `a, f(b, c), "d, e"` at top-level commas. */
function splitItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let q: string | null = null;
  let cur = '';
  for (let k = 0; k < body.length; k++) {
    const ch = body[k]!;
    if (q) {
      cur += ch;
      if (ch === '\\') { cur += body[++k] ?? ''; continue; }
      if (ch === q) q = null;
      continue;
    }
    if (ch === '"' || ch === "'") { q = ch; cur += ch; continue; }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { items.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim()) items.push(cur.trim());
  return items;
}

export function formatLine(line: string): string[] {
  if (line.length <= LINE_LENGTH) return [line];
  const indent = /^ */.exec(line)![0];
  // a def whose signature is too long: one parameter per line, as Black leaves it with a trailing comma
  const def = /^(\s*(?:async )?def \w+\()(.*)(\)(?: -> .+)?:)$/.exec(line);
  if (def) {
    const params = splitItems(def[2]!);
    return [def[1]!, ...params.map((p) => `${indent}    ${p},`), `${indent}${def[3]}`];
  }
  const m = /([)\]}])(,?)(:?)$/.exec(line);
  if (!m) return [line];
  const end = line.length - m[2]!.length - m[3]!.length - 1;
  const open = openerOf(line, end);
  if (open < 0) return [line];
  const head = line.slice(0, open + 1);
  // an assignment whose right-hand call cannot even open on the first line is wrapped in parentheses
  const assign = /^(\s*)([^=()"']+?) = (.+)$/.exec(line);
  if (head.length > LINE_LENGTH && assign && !line.trimEnd().endsWith(',')) {
    return [`${indent}${assign[2]} = (`, ...formatLine(`${indent}    ${assign[3]}`), `${indent})`];
  }
  const body = line.slice(open + 1, end);
  const items = splitItems(body);
  if (!items.length || head.trim() === '(' && items.length === 1) return [line];
  const inner = `${indent}    `;
  const out = [head];
  for (const it of items) out.push(...formatLine(`${inner}${it},`));
  out.push(`${indent}${line.slice(end)}`);
  return out;
}

/** Formats every line of a module; docstrings are left as written, as ruff format leaves them. */
export function formatPython(source: string): string {
  let inDoc = false;
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const quotes = line.includes('\"\"\"') ? line.split('\"\"\"').length - 1 : 0;
    const keep = inDoc || quotes > 0;
    if (quotes % 2) inDoc = !inDoc;
    if (keep || line.length <= LINE_LENGTH) out.push(line);
    else for (const l of formatLine(line)) out.push(l);
  }
  return out.join('\n');
}
