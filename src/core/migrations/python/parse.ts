import { PySyntaxError, tokenizePython, type PyComment, type PyToken } from './tokenize.js';

export type PyExpr =
  | { t: 'str'; v: string; tok: PyToken; fstring: boolean }
  | { t: 'num'; v: number }
  | { t: 'const'; v: boolean | null }
  | { t: 'name'; v: string; line: number; column: number }
  | { t: 'attr'; obj: PyExpr; name: string }
  | { t: 'call'; fn: PyExpr; args: PyExpr[]; kwargs: Record<string, PyExpr>; line: number; column: number; starred: boolean }
  | { t: 'list'; items: PyExpr[] }
  | { t: 'other'; text: string };

export type PyStmt =
  | { t: 'expr'; e: PyExpr; line: number; column: number; endLine: number }
  | { t: 'assign'; target: string; e: PyExpr; line: number }
  | { t: 'def'; name: string; body: PyStmt[]; line: number }
  | { t: 'with'; items: { e: PyExpr; as?: string }[]; body: PyStmt[]; line: number; column: number }
  | { t: 'pass'; line: number }
  | { t: 'import'; line: number }
  | { t: 'other'; what: string; body: PyStmt[]; line: number; column: number; endLine: number };

export interface PyModule { body: PyStmt[]; comments: PyComment[] }

/** `a.b.c` for a chain of names, else undefined. */
export function dotted(e: PyExpr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.t === 'name') return e.v;
  if (e.t === 'attr') {
    const o = dotted(e.obj);
    return o ? `${o}.${e.name}` : undefined;
  }
  return undefined;
}

const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'class', 'async', 'match', 'case']);

/** Parses the subset of Python a migration file uses; anything else becomes an `other` node, never guessed at. */
export function parsePython(src: string): PyModule {
  const { tokens, comments } = tokenizePython(src);
  let p = 0;
  const peek = (o = 0) => tokens[Math.min(p + o, tokens.length - 1)]!;
  const next = () => tokens[p++]!;
  const isOp = (v: string, o = 0) => peek(o).type === 'op' && peek(o).value === v;
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new PySyntaxError(`expected "${v}"`, peek().line, peek().column);
    return next();
  };
  const skipLine = () => {
    let d = 0;
    while (peek().type !== 'end' && !(d === 0 && peek().type === 'newline')) {
      const t = next();
      if (t.type === 'op' && '([{'.includes(t.value)) d++;
      if (t.type === 'op' && ')]}'.includes(t.value)) d--;
    }
    if (peek().type === 'newline') next();
  };

  function atom(): PyExpr {
    const t = peek();
    if (t.type === 'string') {
      next();
      let v = t.value;
      let fstring = !!t.fstring;
      // adjacent literals concatenate
      while (peek().type === 'string') { const s = next(); v += s.value; fstring ||= !!s.fstring; }
      return { t: 'str', v, tok: t, fstring };
    }
    if (t.type === 'number') { next(); return { t: 'num', v: Number(t.value.replace(/_/g, '')) }; }
    if (t.type === 'name') {
      next();
      if (t.value === 'True' || t.value === 'False') return { t: 'const', v: t.value === 'True' };
      if (t.value === 'None') return { t: 'const', v: null };
      if (t.value === 'lambda') { skipExpr(); return { t: 'other', text: 'lambda' }; }
      return { t: 'name', v: t.value, line: t.line, column: t.column };
    }
    if (t.type === 'op' && (t.value === '(' || t.value === '[')) {
      next();
      const close = t.value === '(' ? ')' : ']';
      const items: PyExpr[] = [];
      let comprehension = false;
      while (!isOp(close)) {
        items.push(expr());
        if (peek().type === 'name' && peek().value === 'for') { comprehension = true; skipExpr(close); break; }
        if (!isOp(',')) break;
        next();
      }
      expectOp(close);
      if (comprehension) return { t: 'other', text: 'comprehension' };
      // a parenthesised single expression is that expression
      if (t.value === '(' && items.length === 1 && tokens[p - 2]?.value !== ',') return items[0]!;
      return { t: 'list', items };
    }
    if (t.type === 'op' && t.value === '{') { skipExpr(); return { t: 'other', text: 'dict or set' }; }
    if (t.type === 'op' && (t.value === '-' || t.value === '+')) {
      next();
      const a = atom();
      return a.t === 'num' ? { t: 'num', v: t.value === '-' ? -a.v : a.v } : { t: 'other', text: 'unary' };
    }
    throw new PySyntaxError(`unexpected "${t.value || t.type}"`, t.line, t.column);
  }

  /** skips the rest of an expression up to a closing bracket or comma at this depth */
  function skipExpr(close?: string) {
    let d = 0;
    while (peek().type !== 'end') {
      const t = peek();
      if (t.type === 'newline' && d === 0) return;
      if (t.type === 'op' && '([{'.includes(t.value)) d++;
      if (t.type === 'op' && ')]}'.includes(t.value)) {
        if (d === 0) return;
        d--;
        if (d === 0 && !close) { next(); return; }
      }
      if (d === 0 && t.type === 'op' && t.value === ',' && close) return;
      next();
    }
  }

  function postfix(): PyExpr {
    let e = atom();
    for (;;) {
      if (isOp('.')) { next(); const n = next(); e = { t: 'attr', obj: e, name: n.value }; continue; }
      if (isOp('(')) {
        const open = next();
        const args: PyExpr[] = [];
        const kwargs: Record<string, PyExpr> = {};
        let starred = false;
        while (!isOp(')')) {
          if (isOp('*') || isOp('**')) { next(); starred = true; expr(); }
          else if (peek().type === 'name' && isOp('=', 1)) { const k = next().value; next(); kwargs[k] = expr(); }
          else args.push(expr());
          if (peek().type === 'name' && peek().value === 'for') { skipExpr(')'); starred = true; break; }
          if (!isOp(',')) break;
          next();
        }
        expectOp(')');
        e = { t: 'call', fn: e, args, kwargs, line: callLine(e, open), column: callColumn(e, open), starred };
        continue;
      }
      if (isOp('[')) { skipExpr(); e = { t: 'other', text: 'subscript' }; continue; }
      return e;
    }
  }

  function expr(): PyExpr {
    const start = p;
    const e = postfix();
    // binary operators, comparisons, conditional expressions: not needed for op.* arguments
    const BIN = ['+', '-', '*', '/', '%', '|', '&', '==', '!=', '<', '>', '<=', '>=', '**', '//', '^', '@'];
    if ((peek().type === 'op' && BIN.includes(peek().value)) || (peek().type === 'name' && ['if', 'and', 'or', 'not', 'in', 'is'].includes(peek().value))) {
      while (peek().type !== 'end' && peek().type !== 'newline' && !isOp(',') && !isOp(')') && !isOp(']') && !isOp('}') && !isOp(':') && !(peek().type === 'name' && peek().value === 'for')) {
        if (isOp('(') || isOp('[') || isOp('{')) skipExpr(); else next();
      }
      return { t: 'other', text: tokens.slice(start, p).map((t) => t.value).join(' ') };
    }
    return e;
  }

  function block(): PyStmt[] {
    if (peek().type !== 'newline') {
      // `def f(): pass` on one line
      const s = simple();
      return s ? [s] : [];
    }
    next();
    if (peek().type !== 'indent') throw new PySyntaxError('expected an indented block', peek().line, peek().column);
    next();
    const body: PyStmt[] = [];
    while (peek().type !== 'dedent' && peek().type !== 'end') {
      const s = statement();
      if (s) body.push(s);
    }
    if (peek().type === 'dedent') next();
    return body;
  }

  function simple(): PyStmt | undefined {
    const t = peek();
    if (t.type === 'name' && t.value === 'pass') { skipLine(); return { t: 'pass', line: t.line }; }
    if (t.type === 'name' && (t.value === 'import' || t.value === 'from')) { skipLine(); return { t: 'import', line: t.line }; }
    if (t.type === 'name' && (isOp('=', 1) || isOp(':', 1))) {
      const target = next().value;
      if (isOp(':')) { next(); while (!isOp('=') && peek().type !== 'newline' && peek().type !== 'end') next(); }
      if (isOp('=')) {
        next();
        const e = expr();
        skipLine();
        return { t: 'assign', target, e, line: t.line };
      }
      skipLine();
      return { t: 'other', what: 'annotation', body: [], line: t.line, column: t.column, endLine: t.line };
    }
    const start = p;
    try {
      const e = expr();
      if (peek().type !== 'newline' && peek().type !== 'end') {
        skipLine();
        return { t: 'other', what: 'statement', body: [], line: t.line, column: t.column, endLine: tokens[p - 1]!.line };
      }
      const endLine = tokens[p - 1]!.line;
      skipLine();
      return { t: 'expr', e, line: t.line, column: t.column, endLine };
    } catch (err) {
      if (!(err instanceof PySyntaxError)) throw err;
      p = start;
      skipLine();
      return { t: 'other', what: 'statement', body: [], line: t.line, column: t.column, endLine: tokens[p - 1]!.line };
    }
  }

  function statement(): PyStmt | undefined {
    const t = peek();
    if (t.type === 'newline') { next(); return undefined; }
    if (t.type === 'indent' || t.type === 'dedent') { next(); return undefined; }
    if (t.type === 'op' && t.value === '@') { skipLine(); return undefined; }
    if (t.type === 'name' && t.value === 'def') {
      next();
      const name = next().value;
      expectOp('(');
      let d = 1;
      while (d > 0 && peek().type !== 'end') { const x = next(); if (x.value === '(') d++; if (x.value === ')') d--; }
      while (!isOp(':') && peek().type !== 'end') next();
      expectOp(':');
      return { t: 'def', name, body: block(), line: t.line };
    }
    if (t.type === 'name' && t.value === 'with') {
      next();
      const items: { e: PyExpr; as?: string }[] = [];
      for (;;) {
        const e = expr();
        let as: string | undefined;
        if (peek().type === 'name' && peek().value === 'as') { next(); as = next().value; }
        items.push({ e, as });
        if (!isOp(',')) break;
        next();
      }
      expectOp(':');
      return { t: 'with', items, body: block(), line: t.line, column: t.column };
    }
    if (t.type === 'name' && COMPOUND.has(t.value)) {
      next();
      let d = 0;
      while (peek().type !== 'end' && !(d === 0 && isOp(':'))) { const x = next(); if ('([{'.includes(x.value) && x.type === 'op') d++; if (')]}'.includes(x.value) && x.type === 'op') d--; }
      expectOp(':');
      const body = block();
      return { t: 'other', what: t.value, body, line: t.line, column: t.column, endLine: tokens[p - 1]!.line };
    }
    return simple();
  }

  const body: PyStmt[] = [];
  while (peek().type !== 'end') {
    const s = statement();
    if (s) body.push(s);
  }
  return { body, comments };
}

function callLine(fn: PyExpr, open: PyToken): number {
  return firstToken(fn)?.line ?? open.line;
}
function callColumn(fn: PyExpr, open: PyToken): number {
  return firstToken(fn)?.column ?? open.column;
}
function firstToken(e: PyExpr): { line: number; column: number } | undefined {
  if (e.t === 'str') return e.tok;
  if (e.t === 'name') return e;
  if (e.t === 'attr') return firstToken(e.obj);
  if (e.t === 'call') return { line: e.line, column: e.column };
  return undefined;
}
