import type { ScanToken } from 'libpg-query';
import { pgParser } from '../../sql/pg-parser.js';

export { ensureParser } from '../../sql/pg-parser.js';

export interface RawStmt { stmt: Record<string, unknown>; stmt_location?: number; stmt_len?: number }

export class ParseFailure extends Error {
  constructor(message: string, readonly cursor: number) {
    super(message);
  }
}

/** Parses SQL; a syntax error becomes a ParseFailure carrying the parser's byte offset. */
export function parseStatements(sql: string): RawStmt[] {
  try {
    return (pgParser().parseSync(sql) as unknown as { stmts?: RawStmt[] }).stmts ?? [];
  } catch (err) {
    const details = (err as { sqlDetails?: { message: string; cursorPosition: number } }).sqlDetails;
    throw new ParseFailure(details?.message ?? String((err as Error).message).split('\n')[0]!, Math.max(0, details?.cursorPosition ?? 0));
  }
}

/** Lexer tokens (comments included); undefined when the text cannot even be tokenised (unterminated string). */
export function scanTokens(sql: string): ScanToken[] | undefined {
  try {
    return pgParser().scanSync(sql).tokens;
  } catch {
    return undefined;
  }
}
