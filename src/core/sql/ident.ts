/**
 * Keywords that cannot stand as a bare column or table name (PostgreSQL's reserved,
 * type/function-name and column-name categories); quote_ident quotes these.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(`
all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast
char character check coalesce collate collation column concurrently constraint create cross current_catalog
current_date current_role current_schema current_time current_timestamp current_user dec decimal default deferrable
desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest group
grouping having ilike in initially inner inout int integer intersect interval into is isnull join json json_array
json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value
lateral leading least left like limit localtime localtimestamp national natural nchar none normalize not notnull
null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary real
references returning right row select session_user setof similar smallint some substring symmetric system_user
table tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic
verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
xmlroot xmlserialize xmltable merge_action
`.trim().split(/\s+/));

/** An identifier as SQL, quoted only where PostgreSQL needs it (quote_ident's rule). */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name`, each part quoted where needed. */
export const quoteQName = (schema: string, name: string): string => `${quoteIdent(schema)}.${quoteIdent(name)}`;

/** A string literal. */
export const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;
