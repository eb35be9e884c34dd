import type { MigrationStatement } from '../types.js';
import { LineIndex } from '../position.js';
import { ignoredIds } from './ignore-comments.js';
import { ParseFailure, parseStatements, scanTokens, type RawStmt } from './parser.js';

export interface SyntaxProblem { line: number; column: number; message: string; ignores: string[] }

export interface ParsedSql {
  statements: MigrationStatement[];
  syntaxErrors: SyntaxProblem[];
}

export interface SqlSourceOptions {
  /** maps a character offset in `text` to a position in the file (SQL embedded in Python) */
  locate?: (charOffset: number) => { line: number; column: number };
  /** ignores that apply to every statement (an ignore comment on the Python call) */
  ignores?: string[];
  alembicCall?: string;
}

interface Piece { start: number; end: number; stmts?: RawStmt[]; error?: ParseFailure }

/**
 * Splits SQL text into statements with the real PostgreSQL parser. When the text does not parse,
 * it is cut at top-level semicolons (from the lexer, so semicolons in strings and dollar quotes do
 * not count) and each piece is parsed alone, so one bad statement does not hide the rest.
 */
export function parseSqlText(text: string, o: SqlSourceOptions = {}): ParsedSql {
  const idx = new LineIndex(text);
  const locate = o.locate ?? ((c: number) => idx.position(c));
  // the lexer costs twice the parser: run it only when a comment may carry an ignore, or to recover
  let tokens = DIRECTIVE.test(text) ? scanTokens(text) ?? [] : [];
  const pieces: Piece[] = [];
  try {
    pieces.push({ start: 0, end: Buffer.byteLength(text), stmts: parseStatements(text) });
  } catch (err) {
    if (!(err instanceof ParseFailure)) throw err;
    if (!tokens.length) tokens = scanTokens(text) ?? [];
    const cuts = tokens.filter((t) => t.text === ';').map((t) => t.end);
    if (!tokens.length) pieces.push({ start: 0, end: Buffer.byteLength(text), error: err });
    else {
      let start = 0;
      for (const end of [...cuts, Buffer.byteLength(text)]) {
        if (end <= start) continue;
        const chunk = idx.slice(start, end);
        try {
          pieces.push({ start, end, stmts: parseStatements(chunk) });
        } catch (e) {
          if (!(e instanceof ParseFailure)) throw e;
          pieces.push({ start, end, error: e });
        }
        start = end;
      }
    }
  }
  const comments = tokens.filter((t) => t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
    .map((t) => ({ start: t.start, ids: ignoredIds(t.text) }))
    .filter((c): c is { start: number; ids: string[] } => !!c.ids);
  const lineOf = (byte: number) => idx.position(idx.charOffset(byte)).line;
  interface Entry { start: number; end: number; stmt?: MigrationStatement; error?: SyntaxProblem }
  const entries: Entry[] = [];
  for (const p of pieces) {
    if (p.error) {
      const at = skipSpace(idx, p.start + p.error.cursor, p.end);
      entries.push({ start: p.start, end: p.end, error: { ...locate(idx.charOffset(at)), message: p.error.message, ignores: [...(o.ignores ?? [])] } });
      continue;
    }
    for (const s of p.stmts ?? []) {
      const kind = Object.keys(s.stmt)[0]!;
      const rawStart = p.start + (s.stmt_location ?? 0);
      const rawEnd = s.stmt_len ? rawStart + s.stmt_len : p.end;
      const start = skipSpace(idx, rawStart, rawEnd);
      entries.push({
        start,
        end: semicolonAfter(idx, rawEnd, p.end),
        stmt: {
          kind,
          node: s.stmt[kind] as Record<string, unknown>,
          sql: idx.slice(start, rawEnd).trim(),
          ...locate(idx.charOffset(start)),
          ignores: [...(o.ignores ?? [])],
          ...(o.alembicCall ? { alembicCall: o.alembicCall } : {}),
        },
      });
    }
  }
  // an ignore comment belongs to the statement it is in, or that ends on its line, else the next one
  for (const c of comments) {
    let owner = entries.find((e) => c.start >= e.start && c.start < e.end);
    if (!owner) {
      const prev = [...entries].reverse().find((e) => e.end <= c.start);
      owner = prev && lineOf(prev.end - 1) === lineOf(c.start) ? prev : entries.find((e) => e.start > c.start);
    }
    (owner?.stmt ?? owner?.error)?.ignores.push(...c.ids);
  }
  const out: ParsedSql = { statements: [], syntaxErrors: [] };
  for (const e of entries) {
    if (e.stmt) out.statements.push(e.stmt);
    if (e.error) out.syntaxErrors.push(e.error);
  }
  return out;
}

const DIRECTIVE = /tablewright:ignore|squawk-ignore/;

/** the end of the `;` that closes a statement (the parser's length stops before it), else the statement's end */
function semicolonAfter(idx: LineIndex, byte: number, limit: number): number {
  for (let b = byte; b < limit; b++) {
    const c = idx.slice(b, b + 1);
    if (c === ';') return b + 1;
    if (!/\s/.test(c)) return byte;
  }
  return byte;
}

/** Moves past whitespace and comments so a position points at the statement's first word. */
function skipSpace(idx: LineIndex, byte: number, limit: number): number {
  let b = byte;
  for (;;) {
    const rest = idx.slice(b, Math.min(limit, b + 2));
    if (/^\s/.test(rest)) b++;
    else if (rest === '--') {
      while (b < limit && idx.slice(b, b + 1) !== '\n') b++;
    } else if (rest === '/*') {
      const close = idx.slice(b, limit).indexOf('*/');
      if (close < 0) return b;
      b += Buffer.byteLength(idx.slice(b, limit).slice(0, close + 2));
    } else return b;
  }
}
