import type { SqlPosition } from './output.js';

interface PgErrorLike { message?: string; position?: string; code?: string; severity?: string }

/** The server's error position (1-based, in characters) as a line/column marker in `sql`. */
export function errorPosition(err: unknown, sql: string): SqlPosition | undefined {
  const pos = Number((err as PgErrorLike)?.position);
  if (!Number.isInteger(pos) || pos < 1) return undefined;
  const offset = Math.min(pos - 1, sql.length);
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { sql, offset, line, column };
}

/** psql's two lines: `LINE 2: select * frm t` and a caret under the offending character. */
export function caretLines(p: SqlPosition): string[] {
  const text = p.sql.split('\n')[p.line - 1] ?? '';
  const prefix = `LINE ${p.line}: `;
  return [prefix + text, ' '.repeat(prefix.length + p.column) + '^'];
}
