/**
 * Whether buffered SQL ends with a `;` that is outside quotes, dollar quotes and comments: the
 * line REPL, like psql, runs SQL only then, so a statement can span lines.
 */
export function statementComplete(sql: string): boolean {
  let i = 0;
  let lastSemicolon = -1;
  let lastCode = -1;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) return false;
      lastCode = end;
      i = end + 1;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        if (end < 0) return false;
        lastCode = end + m[0].length - 1;
        i = end + m[0].length;
        continue;
      }
    }
    if (c === ';') lastSemicolon = i;
    if (!/\s/.test(c)) lastCode = i;
    i++;
  }
  return lastSemicolon >= 0 && lastSemicolon === lastCode;
}
