/**
 * The catalog statements of one snapshot read (design/introspection.md §2–§4): one statement per
 * catalog for all selected schemas, each runnable alone, columns gated by server version. Rows are
 * ordered only where order carries meaning (columns by attnum, enum labels, INHERITS parents); the
 * builder keys everything else by OID and sorts by name. Column order is the contract with build.ts.
 */
import { nsSubquery } from './filter.js';
import { literal } from './sql-text.js';

export interface CatalogStatement {
  /** catalog name, used in `server.capabilities` and `unavailable` */
  name: string;
  sql: string;
  /** phase B: deparse functions, run only for eager definitions */
  deparse?: boolean;
}

/** Gates: a missing column becomes a typed constant so the row shape stays the same. */
const gate = (v: number, min: number, expr: string, fallback: string) => (v >= min ? expr : fallback);

export interface StatementContext {
  versionNum: number;
  /** condition over pg_namespace.nspname selecting the schemas */
  nsCond: string;
  /** schemas whose table policies are read although the schema is hidden (Supabase) */
  policySchemas: string[];
  /** read the volatile stats part */
  stats: boolean;
  /** add phase B (deparse) statements */
  eager: boolean;
}

export function catalogStatements(c: StatementContext): CatalogStatement[] {
  const v = c.versionNum;
  const NS = nsSubquery(c.nsCond);
  const REL = `(SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${NS} AND relkind IN ('r','p','v','m','f','c'))`;
  const list: CatalogStatement[] = [
    {
      name: 'namespaces',
      sql: `SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner), n.nspacl::text[]
FROM pg_catalog.pg_namespace n WHERE n.oid IN ${NS} ORDER BY n.nspname`,
    },
    {
      // relpartbound/partkey deparse only touches partitions, which are few next to columns
      name: 'classes',
      sql: `SELECT c.oid, c.relnamespace, c.relname, c.relkind, c.relpersistence, pg_catalog.pg_get_userbyid(c.relowner),
  c.reloptions, c.relrowsecurity, c.relforcerowsecurity, c.relispartition, c.relreplident,
  CASE WHEN c.reloftype <> 0 THEN otn.nspname || '.' || ot.typname END,
  ${gate(v, 120000, 'am.amname', 'NULL::name')}, c.relacl::text[], c.relispopulated,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
  ts.spcname, c.reltuples::float8, c.relpages, c.reltoastrelid
FROM pg_catalog.pg_class c
LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
LEFT JOIN pg_catalog.pg_type ot ON ot.oid = c.reloftype
LEFT JOIN pg_catalog.pg_namespace otn ON otn.oid = ot.typnamespace
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
WHERE c.relnamespace IN ${NS} AND c.relkind IN ('r','p','v','m','f','S','c')`,
    },
    {
      // the usual value of a field comes as NULL: no string for the driver to make and parse
      // (−25 % client time at 120k columns); build-context.ts reads NULL back as that value
      name: 'attributes',
      sql: `SELECT a.attrelid, a.attnum, a.attname, a.atttypid, NULLIF(a.atttypmod, -1), NULLIF(a.attndims, 0), a.attnotnull,
  ${gate(v, 100000, "NULLIF(a.attidentity, '')", 'NULL::"char"')}, ${gate(v, 120000, "NULLIF(a.attgenerated, '')", 'NULL::"char"')},
  NULLIF(a.attcollation, 0), NULLIF(a.attislocal, true), NULLIF(a.attinhcount, 0), ${gate(v, 140000, "NULLIF(a.attcompression, '')", 'NULL::"char"')},
  a.attacl::text[]
FROM pg_catalog.pg_attribute a
WHERE a.attrelid IN ${REL} AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`,
    },
    {
      // a plain default cannot reference columns, so it is deparsed without opening the table (3× cheaper)
      name: 'defaults',
      sql: `SELECT d.adrelid, d.adnum,
  pg_catalog.pg_get_expr(d.adbin, CASE WHEN ${gate(v, 120000, "a.attgenerated <> ''", 'false')} THEN d.adrelid ELSE 0 END, true)
FROM pg_catalog.pg_attrdef d
JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
WHERE d.adrelid IN ${REL}`,
    },
    {
      // format_type once per distinct (type, typmod) instead of once per column
      name: 'column_types',
      sql: `SELECT u.atttypid, u.atttypmod, pg_catalog.format_type(u.atttypid, u.atttypmod),
  tn.nspname, t.typname, t.typcollation, en.nspname, e.typname
FROM (SELECT DISTINCT atttypid, atttypmod FROM pg_catalog.pg_attribute
      WHERE attrelid IN ${REL} AND attnum > 0 AND NOT attisdropped) u
JOIN pg_catalog.pg_type t ON t.oid = u.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace
ORDER BY 1, 2`,
    },
    {
      name: 'constraints',
      sql: `SELECT k.oid, k.conname, k.contype, k.conrelid, k.contypid, k.conindid, array_to_string(k.conkey, ' '), array_to_string(k.confkey, ' '),
  fn.nspname, fc.relname, k.confupdtype, k.confdeltype, k.confmatchtype, k.condeferrable, k.condeferred,
  k.convalidated, k.conislocal, k.connoinherit, ${gate(v, 150000, "array_to_string(k.confdelsetcols, ' ')", 'NULL::text')},
  ${gate(v, 180000, 'k.conenforced', 'true')}, ${gate(v, 180000, 'k.conperiod', 'false')},
  CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid, true)
       WHEN k.contype = 'x' THEN pg_catalog.pg_get_constraintdef(k.oid, true) END,
  k.conparentid,
  CASE WHEN k.contype = 'f' AND fc.relnamespace NOT IN ${NS} THEN ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)::text[] END
FROM pg_catalog.pg_constraint k
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE k.connamespace IN ${NS}`,
    },
    {
      name: 'indexes',
      sql: `SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, i.indnatts, ${gate(v, 110000, 'i.indnkeyatts', 'i.indnatts')},
  i.indisunique, i.indisprimary, i.indisexclusion, i.indimmediate, i.indisvalid, i.indisready,
  ${gate(v, 150000, 'i.indnullsnotdistinct', 'false')}, i.indkey, i.indoption, i.indclass,
  i.indcollation, CASE WHEN i.indexprs IS NOT NULL THEN pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) END,
  CASE WHEN i.indpred IS NOT NULL THEN pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) END,
  ic.reloptions, ts.spcname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace
WHERE ic.relnamespace IN ${NS}`,
    },
    {
      name: 'opclasses',
      sql: `SELECT o.oid, n.nspname, o.opcname, o.opcdefault FROM pg_catalog.pg_opclass o
JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace ORDER BY o.oid`,
    },
    {
      name: 'collations',
      sql: `SELECT o.oid, n.nspname, o.collname FROM pg_catalog.pg_collation o
JOIN pg_catalog.pg_namespace n ON n.oid = o.collnamespace ORDER BY o.oid`,
    },
    {
      name: 'types',
      sql: `SELECT t.oid, t.typnamespace, t.typname, t.typtype, pg_catalog.pg_get_userbyid(t.typowner), t.typacl::text[],
  CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, NULLIF(t.typtypmod, -1)) END,
  t.typnotnull, CASE WHEN t.typdefaultbin IS NOT NULL THEN pg_catalog.pg_get_expr(t.typdefaultbin, 0, true) END,
  t.typcollation, bt.typcollation, t.typrelid,
  CASE WHEN t.typtype = 'r' THEN pg_catalog.format_type(r.rngsubtype, NULL) END,
  CASE WHEN t.typtype = 'r' AND NOT oc.opcdefault THEN ocn.nspname || '.' || oc.opcname END,
  r.rngcollation, NULLIF(r.rngcanonical, 0)::regproc::text, NULLIF(r.rngsubdiff, 0)::regproc::text,
  ${gate(v, 140000, 'mt.typname', 'NULL::name')}
FROM pg_catalog.pg_type t
LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
${v >= 140000 ? 'LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid' : ''}
WHERE t.typnamespace IN ${NS} AND (t.typtype IN ('e','d','r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
ORDER BY t.oid`,
    },
    {
      name: 'enums',
      sql: `SELECT e.enumtypid, e.enumlabel FROM pg_catalog.pg_enum e
WHERE e.enumtypid IN (SELECT oid FROM pg_catalog.pg_type WHERE typnamespace IN ${NS})
ORDER BY e.enumtypid, e.enumsortorder`,
    },
    {
      name: 'functions',
      sql: `SELECT p.oid, p.pronamespace, p.proname,
  ${gate(v, 110000, 'p.prokind', "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END::\"char\"")},
  pg_catalog.pg_get_function_identity_arguments(p.oid), pg_catalog.pg_get_function_arguments(p.oid),
  pg_catalog.pg_get_function_result(p.oid), p.proretset, l.lanname, p.provolatile, p.proisstrict, p.prosecdef,
  p.proleakproof, p.proparallel, p.proconfig, p.prosrc, pg_catalog.pg_get_userbyid(p.proowner), p.proacl::text[]
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.pronamespace IN ${NS}
  -- range and multirange constructors belong to their type (deptype i), not to the user
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
ORDER BY p.oid`,
    },
    {
      name: 'triggers',
      sql: `SELECT t.oid, t.tgrelid, t.tgname, pn.nspname || '.' || p.proname, t.tgtype, t.tgenabled, t.tgconstraint <> 0,
  ${gate(v, 130000, 't.tgparentid <> 0', 'false')}, t.tgattr
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT t.tgisinternal AND t.tgrelid IN ${REL}`,
    },
    {
      name: 'policies',
      sql: `SELECT p.polrelid, p.polname, p.polcmd, ${gate(v, 100000, 'p.polpermissive', 'true')},
  ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r)::text END FROM unnest(p.polroles) r)::text[],
  pg_catalog.pg_get_expr(p.polqual, p.polrelid, true), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true), p.oid
FROM pg_catalog.pg_policy p
WHERE p.polrelid IN ${c.policySchemas.length
        ? `(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relnamespace IN ${NS} OR n.nspname IN (${c.policySchemas.map(literal).join(', ')}))`
        : REL}`,
    },
    {
      name: 'sequences',
      sql: `SELECT s.seqrelid, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmax, s.seqmin,
  s.seqcache, s.seqcycle
FROM pg_catalog.pg_sequence s
WHERE s.seqrelid IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${NS} AND relkind = 'S')`,
    },
    {
      name: 'sequence_owners',
      sql: `SELECT d.objid, d.refobjid, d.refobjsubid, d.deptype, rn.nspname, rc.relname, ra.attname
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid
JOIN pg_catalog.pg_attribute ra ON ra.attrelid = d.refobjid AND ra.attnum = d.refobjsubid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
  AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
  AND d.objid IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${NS} AND relkind = 'S')`,
    },
    {
      name: 'inherits',
      sql: `SELECT i.inhrelid, pn.nspname, pc.relname, i.inhseqno
FROM pg_catalog.pg_inherits i
JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
WHERE i.inhrelid IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${NS})
ORDER BY i.inhrelid, i.inhseqno`,
    },
    {
      name: 'view_dependencies',
      sql: `SELECT DISTINCT r.ev_class, dn.nspname, dc.relname
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> r.ev_class
JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
WHERE r.ev_class IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace IN ${NS} AND relkind IN ('v', 'm'))
ORDER BY 1, 2, 3`,
    },
    {
      name: 'foreign_tables',
      sql: `SELECT f.ftrelid, s.srvname, f.ftoptions FROM pg_catalog.pg_foreign_table f
JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver
WHERE f.ftrelid IN ${REL} ORDER BY 1`,
    },
    {
      name: 'extensions',
      sql: `SELECT e.oid, e.extname, e.extversion, n.nspname, e.extrelocatable
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname`,
    },
    {
      name: 'extension_members',
      sql: `SELECT d.refobjid, d.classid::regclass::text, d.objid, (pg_catalog.pg_identify_object(d.classid, d.objid, 0)).identity
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
ORDER BY 1, 4`,
    },
    {
      // user objects only: built-in objects have OIDs below FirstNormalObjectId (16384)
      name: 'comments',
      sql: `SELECT d.objoid, d.classoid::regclass::text, d.objsubid, d.description
FROM pg_catalog.pg_description d WHERE d.objoid >= 16384`,
    },
  ];
  if (c.policySchemas.length) {
    list.push({
      name: 'platform_tables',
      sql: `SELECT c.oid, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (${c.policySchemas.map(literal).join(', ')}) AND c.relkind IN ('r', 'p') ORDER BY 1`,
    });
  }
  if (c.stats) {
    list.push({
      name: 'stats',
      // index sizes come from index_stats: pg_indexes_size would measure every index file a second time
      sql: `SELECT c.oid, c.reltuples::float8, pg_catalog.pg_table_size(c.oid), coalesce(s.seq_scan, 0), coalesce(s.idx_scan, 0)
FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relnamespace IN ${NS} AND c.relkind IN ('r', 'p', 'm')
ORDER BY 1`,
    }, {
      name: 'index_stats',
      sql: `SELECT i.indexrelid, pg_catalog.pg_relation_size(i.indexrelid), coalesce(s.idx_scan, 0), i.indrelid
FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
LEFT JOIN pg_catalog.pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
WHERE c.relnamespace IN ${NS}
ORDER BY 1`,
    });
  }
  if (c.eager) list.push(...deparseStatements(NS));
  return list;
}

/** Phase B: the expensive deparse functions, for eager definitions. */
export function deparseStatements(NS: string): CatalogStatement[] {
  return [
    {
      name: 'view_definitions', deparse: true,
      sql: `SELECT c.oid, pg_catalog.pg_get_viewdef(c.oid, true) FROM pg_catalog.pg_class c
WHERE c.relnamespace IN ${NS} AND c.relkind IN ('v', 'm') ORDER BY 1`,
    },
    {
      name: 'index_definitions', deparse: true,
      sql: `SELECT i.indexrelid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace IN ${NS} ORDER BY 1`,
    },
    {
      name: 'trigger_definitions', deparse: true,
      sql: `SELECT t.oid, pg_catalog.pg_get_triggerdef(t.oid, true) FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace IN ${NS} AND NOT t.tgisinternal ORDER BY 1`,
    },
    {
      name: 'function_definitions', deparse: true,
      sql: `SELECT p.oid, CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END FROM pg_catalog.pg_proc p
WHERE p.pronamespace IN ${NS} ORDER BY 1`,
    },
  ];
}
