/**
 * psql's object-name patterns, reduced to what people type: `orders`, `public.*`, `ord*`,
 * `audit.log?`. Returns SQL conditions with parameters; without a schema part only visible
 * (non-system) schemas are searched.
 */
export function patternWhere(pattern: string | undefined, schemaCol: string, nameCol: string, params: unknown[]): string {
  const sys = `${schemaCol} NOT IN ('pg_catalog', 'information_schema') AND ${schemaCol} !~ '^pg_toast'`;
  if (!pattern) return sys;
  const dot = pattern.indexOf('.');
  const toRe = (p: string) => `^(${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')})$`;
  const unq = (p: string) => (p.startsWith('"') && p.endsWith('"') ? p.slice(1, -1) : p.toLowerCase());
  if (dot < 0) {
    params.push(toRe(unq(pattern)));
    return `${sys} AND ${nameCol} ~ $${params.length}`;
  }
  params.push(toRe(unq(pattern.slice(0, dot))));
  const s = params.length;
  const rest = pattern.slice(dot + 1) || '*';
  params.push(toRe(unq(rest)));
  return `${schemaCol} ~ $${s} AND ${nameCol} ~ $${params.length}`;
}
