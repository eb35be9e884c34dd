/**
 * Splits a deparsed expression list (`pg_get_expr(indexprs, …)` gives `lower(a), (b + c)`) at its
 * top-level commas, minding parentheses, brackets, quoted literals and quoted identifiers.
 */
export function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = closing(text, i, ch);
    } else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((x) => x.length);
}

/** Index of the quote closing the one at `i` (a doubled quote is an escaped one). */
function closing(text: string, i: number, q: string): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === q) {
      if (text[j + 1] === q) { j++; continue; }
      return j;
    }
  }
  return text.length;
}
