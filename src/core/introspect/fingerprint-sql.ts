import { nsSubquery } from './filter.js';

const sum = (table: string, where = '') =>
  `(SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.${table}${where ? ` WHERE ${where}` : ''})`;

/**
 * Catalog fingerprint (design/introspection.md §9): count and xmin sum of catalog rows, md5'd.
 * Catalogs with a namespace column give one value per schema; the per-column catalogs
 * (pg_attribute, pg_attrdef, …) would need a join to pg_class to be split by schema, which costs
 * more than the rest together at 10k tables, so they form one `*global` value with comments and
 * extensions: when it changes, every schema counts as changed. ANALYZE updates statistics in place
 * and leaves xmin alone, so it changes nothing here.
 */
export function fingerprintSql(nsCond: string): string {
  const NS = nsSubquery(nsCond);
  const part = (tag: string, table: string, nsCol: string) =>
    `SELECT ${nsCol} AS n, '${tag}' || count(*) || ':' || sum(xmin::text::int8) AS f FROM pg_catalog.${table} WHERE ${nsCol} IN ${NS} GROUP BY 1`;
  return `SELECT n.nspname, md5(n.nspname || ':' || n.xmin::text || ':' || coalesce(string_agg(p.f, ',' ORDER BY p.f), ''))
FROM pg_catalog.pg_namespace n LEFT JOIN (
  ${part('c', 'pg_class', 'relnamespace')}
  UNION ALL ${part('k', 'pg_constraint', 'connamespace')}
  UNION ALL ${part('f', 'pg_proc', 'pronamespace')}
  UNION ALL ${part('y', 'pg_type', 'typnamespace')}
) p ON p.n = n.oid
WHERE n.oid IN ${NS}
GROUP BY n.nspname, n.xmin::text
UNION ALL
SELECT '*global', md5(${['pg_attribute', 'pg_attrdef', 'pg_index', 'pg_trigger', 'pg_policy', 'pg_enum', 'pg_sequence',
    'pg_inherits', 'pg_description', 'pg_extension', 'pg_namespace'].map((t) => sum(t)).join(` || '/' || `)})
ORDER BY 1`;
}
