/** Double-quotes an identifier always: the generated DDL must survive mixed case, reserved words and unicode. */
export const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** `"schema"."name"` */
export const qname = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;
/** A `schema.name` QName as quoted SQL (the first dot separates; names with dots are kept whole). */
export function qref(q: string): string {
  const i = q.indexOf('.');
  return i < 0 ? ident(q) : qname(q.slice(0, i), q.slice(i + 1));
}
/** A string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
