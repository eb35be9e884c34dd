/**
 * The SchemaSnapshot: the one description of a database schema that the rest of Tablewright reads
 * (rules, codegen, diff, TUI). Plain JSON, no OIDs, objects keyed by name, arrays in canonical
 * order (columns by position, everything else by name). See design/introspection.md §8.
 *
 * The structural part is a pure function of the schema: the same database gives byte-identical
 * JSON (see `serializeSnapshot`). Everything that changes without DDL (row estimates, sizes, scan
 * counts, the capture time) lives in the separate `stats` part, which diffs ignore.
 */
import type { Flavor } from '../db/connection.js';

/** `schema.name`, unquoted; quote only when printing SQL. */
export type QName = string;

/** The format tag every snapshot carries; bump the number on an incompatible change. */
export const SNAPSHOT_FORMAT = 'tablewright-snapshot/1' as const;

/**
 * A definition that is expensive to deparse on the server (`pg_get_viewdef`, `pg_get_indexdef`,
 * `pg_get_functiondef`, `pg_get_triggerdef`). Absent until loaded (`readSnapshot(…, {definitions:
 * 'eager'})` or `loadDefinitions()`); `'stale'` is never stored — a definition that came back NULL
 * twice is left absent and its name listed in `SchemaSnapshot.stale`.
 */
export type Lazy<T> = T | undefined;

/** One privilege grant, decoded from an aclitem. */
export interface Acl {
  /** role name, or `PUBLIC` */
  grantee: string;
  /** role that granted it */
  grantor: string;
  /** privilege keywords (`SELECT`, `INSERT`, …, `MAINTAIN`), in aclitem letter order */
  privileges: string[];
  /** the subset of `privileges` held WITH GRANT OPTION */
  grantable: string[];
}

/** Server facts; the differ uses them to normalise version artefacts. */
export interface SnapshotServer {
  /** `server_version_num`, e.g. 150020 */
  versionNum: number;
  /** `version()` */
  versionString: string;
  /** engine flavour detected at connect */
  flavor: Flavor;
  /** per-catalog support: `false` when a catalog could not be read (unsupported or permission denied) */
  capabilities: Record<string, boolean>;
}

/** A catalog part that could not be read, and why (the rest of the snapshot is still complete). */
export interface Unavailable {
  /** catalog statement name (`policies`, `triggers`, …) */
  catalog: string;
  /** one-line reason, e.g. the server's error message */
  reason: string;
}

/** The whole snapshot. */
export interface SchemaSnapshot {
  /** always `tablewright-snapshot/1` */
  format: typeof SNAPSHOT_FORMAT;
  /** server version, flavour and capabilities */
  server: SnapshotServer;
  /** per-schema catalog fingerprint (plus `*global`); equal fingerprints mean an unchanged schema */
  fingerprint: Record<string, string>;
  /** installed extensions, by name */
  extensions: Extension[];
  /** the selected schemas, by name */
  schemas: Record<string, Schema>;
  /** schemas present in the database but hidden by the platform filter (Supabase, Citus, …) */
  hiddenSchemas: string[];
  /** RLS settings and policies of tables in hidden platform schemas (Supabase `auth`, `storage`): user intent */
  platformPolicies: Record<QName, { rls: { enabled: boolean; forced: boolean }; policies: Policy[] }>;
  /** catalog parts that could not be read */
  unavailable: Unavailable[];
  /** objects whose definition changed underneath the read (deparse returned NULL twice) */
  stale: string[];
  /** whether the lazy definitions (`Lazy<…>` fields) were filled in */
  definitions: 'lazy' | 'eager';
  /** volatile figures; absent when read with `stats: false` */
  stats?: SnapshotStats;
}

/** An installed extension. */
export interface Extension {
  /** extension name */
  name: string;
  /** installed version */
  version: string;
  /** schema its objects live in */
  schema: string;
  /** whether ALTER EXTENSION … SET SCHEMA works */
  relocatable: boolean;
  /** COMMENT ON EXTENSION */
  comment?: string;
  /** qualified names of the objects the extension owns (tables, functions, types, …), sorted */
  members: string[];
}

/** One schema and everything in it. */
export interface Schema {
  /** schema name */
  name: string;
  /** owning role */
  owner: string;
  /** COMMENT ON SCHEMA */
  comment?: string;
  /** grants on the schema */
  acl: Acl[];
  /** ordinary, partitioned and foreign tables */
  tables: Record<string, Table>;
  /** views */
  views: Record<string, View>;
  /** materialized views */
  materializedViews: Record<string, View>;
  /** sequences (including identity and serial ones, linked through `ownedBy`) */
  sequences: Record<string, Sequence>;
  /** enum, domain, composite and range types */
  types: Record<string, UserType>;
  /** functions, procedures and aggregates, keyed `name(identity args)` */
  functions: Record<string, Routine>;
}

/** A table: ordinary, partitioned or foreign. */
export interface Table {
  /** table name */
  name: string;
  /** relkind r / p / f */
  kind: 'table' | 'partitioned' | 'foreign';
  /** relpersistence p / u / t */
  persistence: 'permanent' | 'unlogged' | 'temp';
  /** columns in attnum order */
  columns: Column[];
  /** the primary key, if any */
  primaryKey?: Key;
  /** UNIQUE constraints (unique indexes without a constraint are in `indexes`) */
  uniques: Unique[];
  /** foreign keys this table declares */
  foreignKeys: ForeignKey[];
  /** CHECK constraints */
  checks: Check[];
  /** EXCLUDE constraints */
  exclusions: Exclusion[];
  /** every index, including those backing a constraint (see `Index.constraint`) */
  indexes: Index[];
  /** user triggers (internal and partition-clone triggers are left out) */
  triggers: Trigger[];
  /** row-level security policies */
  policies: Policy[];
  /** ENABLE / FORCE ROW LEVEL SECURITY */
  rls: { enabled: boolean; forced: boolean };
  /** partitioning: `key` on a partitioned table, `parent` + `bound` on a partition */
  partition?: { key?: string; parent?: QName; bound?: string };
  /** INHERITS parents (not partition parents), in inhseqno order */
  inherits: QName[];
  /** table access method when not `heap` */
  accessMethod?: string;
  /** tablespace when not the database default */
  tablespace?: string;
  /** reloptions (`fillfactor`, `autovacuum_enabled`, …) */
  options: Record<string, string>;
  /** REPLICA IDENTITY when not DEFAULT: `nothing` / `full` / `index` */
  replicaIdentity?: 'nothing' | 'full' | 'index';
  /** composite type of a typed table (`CREATE TABLE … OF type`) */
  ofType?: QName;
  /** foreign server and options of a foreign table */
  foreign?: { server: string; options: Record<string, string> };
  /** owning role */
  owner: string;
  /** grants on the table */
  acl: Acl[];
  /** COMMENT ON TABLE */
  comment?: string;
  /** name of the extension that owns the table, if any */
  extension?: string;
}

/** Identity column sequence options. */
export interface SequenceOptions {
  /** sequence data type */
  type: string;
  /** START WITH */
  start: string;
  /** INCREMENT BY */
  increment: string;
  /** MINVALUE */
  min: string;
  /** MAXVALUE */
  max: string;
  /** CACHE */
  cache: string;
  /** CYCLE */
  cycle: boolean;
}

/** A table, view or composite-type column. */
export interface Column {
  /** column name */
  name: string;
  /** `format_type(atttypid, atttypmod)`, e.g. `numeric(12,2)`, `text[]`, `public.money_amount` */
  type: string;
  /** the type as `schema.name` (element type for arrays), e.g. `pg_catalog.int4` */
  typeRef: QName;
  /** array dimensions declared (0 = not an array) */
  arrayDims: number;
  /** NOT NULL (canonical on every version; PG18's constraint row is only `notNullConstraint`) */
  notNull: boolean;
  /** PG18+ NOT NULL constraint metadata, only when it differs from the implicit default */
  notNullConstraint?: { name: string; validated: boolean; noInherit: boolean };
  /** DEFAULT expression (not for identity or generated columns) */
  default?: string;
  /** GENERATED … AS IDENTITY, with its sequence's options */
  identity?: { kind: 'always' | 'by_default'; sequence?: QName; options?: SequenceOptions };
  /** GENERATED ALWAYS AS (expr) STORED / VIRTUAL */
  generated?: { kind: 'stored' | 'virtual'; expr: string };
  /** COLLATE, when not the type's default collation */
  collation?: QName;
  /** per-column compression (pglz, lz4), when set */
  compression?: string;
  /** COMMENT ON COLUMN */
  comment?: string;
  /** inherited from a parent table (INHERITS or partition) */
  inherited?: boolean;
  /** column-level grants */
  acl?: Acl[];
}

/** A primary key. */
export interface Key {
  /** constraint name */
  name: string;
  /** key columns in order */
  columns: string[];
  /** DEFERRABLE */
  deferrable: boolean;
  /** INITIALLY DEFERRED */
  initiallyDeferred: boolean;
  /** PG18 `WITHOUT OVERLAPS` on the last column */
  period?: boolean;
  /** COMMENT ON CONSTRAINT */
  comment?: string;
}

/** A UNIQUE constraint. */
export interface Unique extends Key {
  /** UNIQUE NULLS NOT DISTINCT (PG15+) */
  nullsNotDistinct: boolean;
}

/** Foreign key action. */
export type FkAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

/** A foreign key. */
export interface ForeignKey {
  /** constraint name */
  name: string;
  /** referencing columns in order */
  columns: string[];
  /** referenced table and columns */
  references: { table: QName; columns: string[] };
  /** ON UPDATE */
  onUpdate: FkAction;
  /** ON DELETE */
  onDelete: FkAction;
  /** `ON DELETE SET NULL (cols)` / `SET DEFAULT (cols)` (PG15+) */
  onDeleteSetColumns?: string[];
  /** MATCH */
  match: 'SIMPLE' | 'FULL' | 'PARTIAL';
  /** DEFERRABLE */
  deferrable: boolean;
  /** INITIALLY DEFERRED */
  initiallyDeferred: boolean;
  /** false for NOT VALID */
  validated: boolean;
  /** false for NOT ENFORCED (PG18) */
  enforced: boolean;
  /** PG18 `PERIOD` on the last column */
  period?: boolean;
  /** COMMENT ON CONSTRAINT */
  comment?: string;
}

/** A CHECK constraint. */
export interface Check {
  /** constraint name */
  name: string;
  /** the boolean expression, without `CHECK (…)` */
  expression: string;
  /** false for NOT VALID */
  validated: boolean;
  /** NO INHERIT */
  noInherit: boolean;
  /** false for NOT ENFORCED (PG18) */
  enforced: boolean;
  /** inherited from a parent (not declared locally) */
  inherited?: boolean;
  /** COMMENT ON CONSTRAINT */
  comment?: string;
}

/** An EXCLUDE constraint. */
export interface Exclusion {
  /** constraint name */
  name: string;
  /** `EXCLUDE USING …` text from `pg_get_constraintdef` */
  definition: string;
  /** the index that implements it */
  index: string;
  /** DEFERRABLE */
  deferrable: boolean;
  /** INITIALLY DEFERRED */
  initiallyDeferred: boolean;
  /** COMMENT ON CONSTRAINT */
  comment?: string;
}

/** One key of an index. */
export interface IndexKey {
  /** the column, for a plain column key */
  column?: string;
  /** the expression, for an expression key */
  expression?: string;
  /** operator class when not the type's default (`schema.name` when not in pg_catalog) */
  opclass?: string;
  /** collation when not the column's */
  collation?: string;
  /** DESC */
  desc: boolean;
  /** NULLS FIRST (the default for DESC) */
  nullsFirst: boolean;
}

/** An index. */
export interface Index {
  /** index name */
  name: string;
  /** access method (btree, gin, gist, …) */
  method: string;
  /** UNIQUE */
  unique: boolean;
  /** backs the primary key */
  primary: boolean;
  /** backs an exclusion constraint */
  exclusion: boolean;
  /** key columns / expressions in order */
  keys: IndexKey[];
  /** INCLUDE columns */
  include: string[];
  /** WHERE predicate of a partial index */
  predicate?: string;
  /** NULLS NOT DISTINCT (PG15+) */
  nullsNotDistinct: boolean;
  /** false after a failed CREATE INDEX CONCURRENTLY */
  valid: boolean;
  /** false while being built */
  ready: boolean;
  /** index reloptions */
  options: Record<string, string>;
  /** tablespace when not the default */
  tablespace?: string;
  /** name of the constraint (PK, UNIQUE, EXCLUDE) this index implements */
  constraint?: string;
  /** index of a partitioned table's index this one is attached to */
  parent?: QName;
  /** `pg_get_indexdef` text (lazy) */
  definition?: Lazy<string>;
  /** COMMENT ON INDEX */
  comment?: string;
}

/** A trigger. */
export interface Trigger {
  /** trigger name */
  name: string;
  /** BEFORE / AFTER / INSTEAD OF */
  timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  /** events in INSERT, UPDATE, DELETE, TRUNCATE order */
  events: ('INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE')[];
  /** FOR EACH ROW / STATEMENT */
  level: 'ROW' | 'STATEMENT';
  /** the trigger function, `schema.name` */
  function: QName;
  /** tgenabled: O origin (default), D disabled, R replica, A always */
  enabled: 'origin' | 'disabled' | 'replica' | 'always';
  /** a constraint trigger */
  constraint: boolean;
  /** `UPDATE OF` columns */
  columns?: string[];
  /** `pg_get_triggerdef` text (lazy) */
  definition?: Lazy<string>;
  /** COMMENT ON TRIGGER */
  comment?: string;
}

/** A row-level security policy. */
export interface Policy {
  /** policy name */
  name: string;
  /** FOR ALL / SELECT / INSERT / UPDATE / DELETE */
  command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  /** PERMISSIVE (true) or RESTRICTIVE */
  permissive: boolean;
  /** TO roles, sorted (`PUBLIC` for everyone) */
  roles: string[];
  /** USING expression */
  using?: string;
  /** WITH CHECK expression */
  withCheck?: string;
  /** COMMENT ON POLICY */
  comment?: string;
}

/** A view or materialized view. */
export interface View {
  /** view name */
  name: string;
  /** output columns in order */
  columns: Column[];
  /** `pg_get_viewdef(oid, true)` (lazy) */
  definition?: Lazy<string>;
  /** relations the view reads, `schema.name`, sorted */
  dependsOn: QName[];
  /** reloptions (`security_invoker`, `check_option`, `security_barrier`, …) */
  options: Record<string, string>;
  /** indexes (materialized views only) */
  indexes: Index[];
  /** INSTEAD OF (and other) triggers on the view */
  triggers: Trigger[];
  /** materialized views: whether it has been populated */
  populated?: boolean;
  /** owning role */
  owner: string;
  /** grants */
  acl: Acl[];
  /** COMMENT ON VIEW */
  comment?: string;
  /** owning extension */
  extension?: string;
}

/** A sequence. */
export interface Sequence extends SequenceOptions {
  /** sequence name */
  name: string;
  /** table column that owns it; `identity` for identity columns, `serial` for OWNED BY */
  ownedBy?: { table: QName; column: string; kind: 'identity' | 'serial' };
  /** owning role */
  owner: string;
  /** grants */
  acl: Acl[];
  /** COMMENT ON SEQUENCE */
  comment?: string;
  /** owning extension */
  extension?: string;
}

interface TypeBase {
  /** type name */
  name: string;
  /** owning role */
  owner: string;
  /** COMMENT ON TYPE / DOMAIN */
  comment?: string;
  /** grants */
  acl: Acl[];
  /** owning extension */
  extension?: string;
}

/** An enum type. */
export interface EnumType extends TypeBase {
  /** discriminator */
  kind: 'enum';
  /** labels in sort order */
  labels: string[];
}

/** A domain. */
export interface DomainType extends TypeBase {
  /** discriminator */
  kind: 'domain';
  /** base type via format_type (with typmod) */
  baseType: string;
  /** NOT NULL */
  notNull: boolean;
  /** DEFAULT expression */
  default?: string;
  /** COLLATE when not the base type's */
  collation?: QName;
  /** CHECK constraints, by name */
  checks: Check[];
}

/** A composite type (CREATE TYPE … AS (…)). */
export interface CompositeType extends TypeBase {
  /** discriminator */
  kind: 'composite';
  /** attributes in order */
  columns: Column[];
}

/** A range type. */
export interface RangeType extends TypeBase {
  /** discriminator */
  kind: 'range';
  /** SUBTYPE */
  subtype: string;
  /** SUBTYPE_OPCLASS when not the default */
  subtypeOpclass?: string;
  /** COLLATION */
  collation?: QName;
  /** CANONICAL function */
  canonical?: string;
  /** SUBTYPE_DIFF function */
  subtypeDiff?: string;
  /** the multirange type's name (PG14+) */
  multirange?: string;
}

/** Any user-defined type. */
export type UserType = EnumType | DomainType | CompositeType | RangeType;

/** A function, procedure, aggregate or window function. */
export interface Routine {
  /** routine name */
  name: string;
  /** prokind f / p / a / w */
  kind: 'function' | 'procedure' | 'aggregate' | 'window';
  /** `pg_get_function_identity_arguments` */
  identityArgs: string;
  /** `pg_get_function_arguments` (with defaults and modes) */
  args: string;
  /** `pg_get_function_result` (absent for procedures) */
  returns?: string;
  /** returns SETOF */
  returnsSet: boolean;
  /** implementation language */
  language: string;
  /** IMMUTABLE / STABLE / VOLATILE */
  volatility: 'immutable' | 'stable' | 'volatile';
  /** STRICT */
  strict: boolean;
  /** SECURITY DEFINER */
  securityDefiner: boolean;
  /** LEAKPROOF */
  leakproof: boolean;
  /** PARALLEL SAFE / RESTRICTED / UNSAFE */
  parallel: 'safe' | 'restricted' | 'unsafe';
  /** SET parameters (`search_path`, …) as name → value */
  config: Record<string, string>;
  /** function body source (`prosrc`; empty for SQL-standard bodies, see `definition`) */
  source: string;
  /** `pg_get_functiondef` text (lazy; not available for aggregates) */
  definition?: Lazy<string>;
  /** owning role */
  owner: string;
  /** grants */
  acl: Acl[];
  /** COMMENT ON FUNCTION */
  comment?: string;
  /** owning extension */
  extension?: string;
}

/** Volatile per-relation figures, keyed by `schema.name`. */
export interface RelationStats {
  /** `reltuples` estimate (-1 when never analysed/vacuumed) */
  rowEstimate: number;
  /** pg_total_relation_size */
  totalBytes: number;
  /** pg_table_size (heap + TOAST + FSM/VM) */
  tableBytes: number;
  /** pg_indexes_size */
  indexBytes: number;
  /** seq_scan from pg_stat_user_tables (0 when not tracked) */
  seqScans: number;
  /** idx_scan from pg_stat_user_tables */
  idxScans: number;
}

/** Per-index figures, keyed by `schema.index`. */
export interface IndexStats {
  /** pg_relation_size of the index */
  bytes: number;
  /** idx_scan from pg_stat_user_indexes */
  scans: number;
}

/** The volatile part of a snapshot: never compared by diffs. */
export interface SnapshotStats {
  /** when the snapshot was read (ISO 8601) */
  capturedAt: string;
  /** tables, matviews and partitions by `schema.name` */
  relations: Record<QName, RelationStats>;
  /** indexes by `schema.name` */
  indexes: Record<QName, IndexStats>;
}

/** One row of the cheap first-screen relation list. */
export interface RelationListItem {
  /** schema name */
  schema: string;
  /** relation name */
  name: string;
  /** table / partitioned / foreign / view / materialized view / sequence */
  kind: 'table' | 'partitioned' | 'foreign' | 'view' | 'materialized view' | 'sequence';
  /** reltuples estimate (-1 = unknown) */
  rowEstimate: number;
  /** total size in bytes (table + indexes + TOAST) */
  totalBytes: number;
  /** the parent when this is a partition */
  partitionOf?: QName;
  /** COMMENT ON */
  comment?: string;
}

/** Which schemas to read. */
export interface SchemaFilter {
  /** read only these schemas (names or `*`/`?` globs); default: every user schema */
  schemas?: string[];
  /** leave these out (names or globs) */
  excludeSchemas?: string[];
  /** include platform schemas (Supabase `auth`, `storage`, …; Citus, …) instead of hiding them */
  includePlatform?: boolean;
}

/** Options of `readSnapshot`. */
export interface ReadOptions extends SchemaFilter {
  /** read the `stats` part (default true) */
  stats?: boolean;
  /** `eager` also deparses views, indexes, triggers and functions in the same transaction (default `lazy`) */
  definitions?: 'lazy' | 'eager';
  /** pg_class rows from which a server read is split over two backends on one snapshot (default 6000; tests lower it) */
  parallelFrom?: number;
}

/** Names a snapshot object for `getDefinition`. */
export type ObjectRef =
  | { kind: 'table' | 'view' | 'materializedView' | 'sequence'; schema: string; name: string }
  | { kind: 'index'; schema: string; name: string }
  | { kind: 'function'; schema: string; name: string /* name(identity args) */ }
  | { kind: 'trigger'; schema: string; table: string; name: string }
  | { kind: 'type'; schema: string; name: string };
