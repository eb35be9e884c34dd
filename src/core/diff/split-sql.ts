/**
 * Cuts SQL text into statements at top-level semicolons: quotes, dollar quotes and comments are
 * skipped, so function bodies and string literals stay whole. Comment-only pieces are dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  const skipTo = (end: number, len: number) => (end < 0 ? n : end + len);
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // a doubled quote inside is an escaped quote: the scan continues past it
      let j = i + 1;
      for (;;) {
        j = sql.indexOf(c, j);
        if (j < 0 || sql[j + 1] !== c) break;
        j += 2;
      }
      i = skipTo(j, 1);
    } else if (c === '-' && sql[i + 1] === '-') i = skipTo(sql.indexOf('\n', i), 1);
    else if (c === '/' && sql[i + 1] === '*') i = skipTo(sql.indexOf('*/', i + 2), 2);
    else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64))![0];
      i = skipTo(sql.indexOf(tag, i + tag.length), tag.length);
    } else if (c === ';') {
      push(sql.slice(start, i + 1));
      start = ++i;
    } else i++;
  }
  push(sql.slice(start));
  return out;

  function push(piece: string) {
    const code = piece.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim();
    if (code && code !== ';') out.push(piece.trim());
  }
}
