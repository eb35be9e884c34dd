import type { Connection } from '../core/db/connection.js';
import { cellText } from './cell.js';
import { patternWhere } from './name-pattern.js';
import type { Output } from './output.js';

const KIND_NAMES = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
  WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'I' THEN 'partitioned index' WHEN 'S' THEN 'sequence'
  WHEN 'f' THEN 'foreign table' END`;

/** One psql list command: the catalog query behind it and the title psql prints. */
interface ListSpec {
  title: string;
  sql: (where: (schemaCol: string, nameCol: string) => string) => string;
}

const relations = (kinds: string, title: string): ListSpec => ({
  title,
  sql: (where) => `SELECT n.nspname AS "Schema", c.relname AS "Name", ${KIND_NAMES} AS "Type",
      pg_catalog.pg_get_userbyid(c.relowner) AS "Owner"
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN (${kinds}) AND ${where('n.nspname', 'c.relname')}
    ORDER BY 1, 2`,
});

export const LISTS: Record<string, ListSpec> = {
  '\\d': relations(`'r','p','v','m','S','f'`, 'List of relations'),
  '\\dt': relations(`'r','p'`, 'List of tables'),
  '\\dv': relations(`'v'`, 'List of views'),
  '\\dm': relations(`'m'`, 'List of materialized views'),
  '\\ds': relations(`'S'`, 'List of sequences'),
  '\\di': {
    title: 'List of indexes',
    sql: (where) => `SELECT n.nspname AS "Schema", c.relname AS "Name", t.relname AS "Table",
        CASE WHEN i.indisprimary THEN 'primary key' WHEN i.indisunique THEN 'unique' ELSE '' END AS "Kind",
        am.amname AS "Method"
      FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
      JOIN pg_catalog.pg_class t ON t.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_am am ON am.oid = c.relam
      WHERE ${where('n.nspname', 'c.relname')} ORDER BY 1, 2`,
  },
  '\\dn': {
    title: 'List of schemas',
    sql: (where) => `SELECT n.nspname AS "Name", pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner",
        pg_catalog.obj_description(n.oid, 'pg_namespace') AS "Description"
      FROM pg_catalog.pg_namespace n WHERE ${where('n.nspname', 'n.nspname')} ORDER BY 1`,
  },
  '\\dT': {
    title: 'List of data types',
    sql: (where) => `SELECT n.nspname AS "Schema", t.typname AS "Name",
        CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range'
          WHEN 'm' THEN 'multirange' ELSE 'base' END AS "Kind",
        CASE WHEN t.typtype = 'e' THEN (SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
          WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS "Definition",
        pg_catalog.obj_description(t.oid, 'pg_type') AS "Description"
      FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)
        AND ${where('n.nspname', 't.typname')} ORDER BY 1, 2`,
  },
  '\\df': {
    title: 'List of functions',
    sql: (where) => `SELECT n.nspname AS "Schema", p.proname AS "Name",
        pg_catalog.pg_get_function_result(p.oid) AS "Result data type",
        pg_catalog.pg_get_function_arguments(p.oid) AS "Argument data types",
        CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' ELSE 'func' END AS "Type"
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE ${where('n.nspname', 'p.proname')}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1, 2, 4`,
  },
};

/** Runs one of psql's list commands (`\dt`, `\di ord*`, ...). */
export async function runList(conn: Connection, cmd: string, pattern: string | undefined): Promise<Output> {
  const spec = LISTS[cmd]!;
  const params: unknown[] = [];
  const sql = spec.sql((s, n) => patternWhere(pattern, s, n, params));
  const r = await conn.query(sql, params);
  const columns = r.fields.map((f) => f.name);
  const rows = r.rows.map((row) => columns.map((c) => cellText(row[c])));
  if (!rows.length) return { blocks: [], status: pattern ? `Did not find any relation named "${pattern}".` : `${spec.title}: none found.` };
  return {
    blocks: [{ kind: 'table', title: spec.title, columns, rows, footer: [`(${rows.length} row${rows.length === 1 ? '' : 's'})`] }],
    status: `${spec.title}: ${rows.length}`,
  };
}
