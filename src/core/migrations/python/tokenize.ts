/** A Python token, enough of the language to read Alembic migration files without running them. */
export interface PyToken {
  type: 'name' | 'string' | 'number' | 'op' | 'newline' | 'indent' | 'dedent' | 'end';
  value: string;
  /** 1-based */
  line: number;
  column: number;
  /** strings: an f-string (its value depends on run-time data) */
  fstring?: boolean;
  /** strings: the line where the literal's content starts, and whether it is raw */
  contentLine?: number;
  contentColumn?: number;
}

export interface PyComment { line: number; text: string; ownLine: boolean }

export class PySyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

const OPS = ['**=', '//=', '>>=', '<<=', '->', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];

/** Tokenises Python source: logical lines, INDENT/DEDENT, implicit joining inside brackets. */
export function tokenizePython(src: string): { tokens: PyToken[]; comments: PyComment[] } {
  const tokens: PyToken[] = [];
  const comments: PyComment[] = [];
  const indents = [0];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let atLineStart = true;
  const col = () => i - lineStart + 1;
  const push = (type: PyToken['type'], value: string, l = line, c = col()) => tokens.push({ type, value, line: l, column: c });
  while (i < src.length) {
    if (atLineStart && depth === 0) {
      // measure indentation of a logical line; blank and comment-only lines do not count
      let w = 0;
      let j = i;
      while (j < src.length && (src[j] === ' ' || src[j] === '\t')) { w += src[j] === '\t' ? 8 - (w % 8) : 1; j++; }
      if (src[j] === '\n' || src[j] === '\r' || src[j] === '#' || j >= src.length) {
        i = j;
        if (src[i] === '#') {
          const end = src.indexOf('\n', i);
          comments.push({ line, text: src.slice(i, end < 0 ? src.length : end), ownLine: true });
          i = end < 0 ? src.length : end;
        }
        if (src[i] === '\r') i++;
        if (src[i] === '\n') { i++; line++; lineStart = i; }
        continue;
      }
      i = j;
      if (w > indents[indents.length - 1]!) { indents.push(w); push('indent', '', line, 1); }
      while (w < indents[indents.length - 1]!) { indents.pop(); push('dedent', '', line, 1); }
      if (w !== indents[indents.length - 1]) throw new PySyntaxError('inconsistent indentation', line, col());
      atLineStart = false;
    }
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\f') { i++; continue; }
    if (ch === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\r' ? 3 : 2; line++; lineStart = i; continue;
    }
    if (ch === '\r') { i++; continue; }
    if (ch === '\n') {
      if (depth === 0) { push('newline', ''); atLineStart = true; }
      i++; line++; lineStart = i;
      continue;
    }
    if (ch === '#') {
      const end = src.indexOf('\n', i);
      comments.push({ line, text: src.slice(i, end < 0 ? src.length : end), ownLine: false });
      i = end < 0 ? src.length : end;
      continue;
    }
    const strStart = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (strStart && (strStart[1] === '' || /^[rRbBuUfF]{1,2}$/.test(strStart[1]!))) {
      const prefix = strStart[1]!.toLowerCase();
      const q = strStart[2]!;
      const startLine = line;
      const startCol = col();
      i += strStart[0].length;
      const contentLine = line;
      const contentColumn = col();
      let value = '';
      for (;;) {
        if (i >= src.length) throw new PySyntaxError('unterminated string', startLine, startCol);
        if (src.startsWith(q, i)) { i += q.length; break; }
        const c = src[i]!;
        if (c === '\n') {
          if (q.length === 1) throw new PySyntaxError('unterminated string', startLine, startCol);
          line++; lineStart = i + 1;
        }
        if (c === '\\' && !prefix.includes('r')) {
          const n = src[i + 1] ?? '';
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };
          if (n in map) { value += map[n]; if (n === '\n') { line++; lineStart = i + 2; } i += 2; continue; }
          value += c; i++; continue;
        }
        if (c === '\\' && prefix.includes('r') && (src[i + 1] === q[0] || src[i + 1] === '\\')) { value += c + src[i + 1]; i += 2; continue; }
        value += c;
        i++;
      }
      tokens.push({ type: 'string', value, line: startLine, column: startCol, fstring: prefix.includes('f'), contentLine, contentColumn });
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
    if (name) { push('name', name[0]); i += name[0].length; continue; }
    const num = /^(?:0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)[jJ]?/.exec(src.slice(i, i + 100));
    if (num) { push('number', num[0]); i += num[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i)) ?? ch;
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    push('op', op);
    i += op.length;
  }
  if (!atLineStart) push('newline', '');
  while (indents.length > 1) { indents.pop(); push('dedent', ''); }
  push('end', '');
  return { tokens, comments };
}
