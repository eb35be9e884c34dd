import { UserError } from '../errors.js';

/** A SQL string literal; the batch uses the simple protocol, so values are inlined, never interpolated raw. */
export function literal(s: string): string {
  if (s.includes('\0')) throw new UserError(`a name may not contain a NUL character: ${JSON.stringify(s)}`);
  return `'${s.replace(/'/g, "''")}'`;
}

/** A double-quoted SQL identifier. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** `"schema"."name"` */
export const qualified = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;
