import type {
  Acl, Index, Check, Column, Exclusion, Extension, ForeignKey, Key, Policy, Routine, Schema, Sequence, Table, Trigger, Unique, UserType, View,
} from '../introspect/types.js';

/** What a change is about, and the snapshot value that describes it. */
export interface ChangePayloads {
  schema: Schema;
  extension: Extension;
  type: UserType;
  /** an enum whose labels changed; `usedBy` lists the columns a recreate has to convert */
  enumLabels: { labels: string[]; usedBy: EnumUse[] };
  sequence: Sequence;
  function: Routine;
  table: Table;
  column: Column;
  primaryKey: Key;
  unique: Unique;
  check: Check;
  exclusion: Exclusion;
  foreignKey: ForeignKey;
  index: Index;
  view: View;
  materializedView: View;
  trigger: Trigger;
  policy: Policy;
  /** grants on an object; `on` is the GRANT target (`TABLE "s"."t"`) */
  acl: { on: string; owner: string; acl: Acl[]; column?: string };
}

export type ChangeKind = keyof ChangePayloads;
export type ChangeAction = 'add' | 'drop' | 'alter' | 'rename';
/** safe: no lock worth naming or data at risk; caution: locks or scans an existing table; breaking: loses data or breaks readers/writers */
export type Risk = 'safe' | 'caution' | 'breaking';

export interface EnumUse { schema: string; table: string; column: string; array: boolean; default?: string }

interface ChangeBase<K extends ChangeKind> {
  kind: K;
  action: ChangeAction;
  /** schema the object lives in */
  schema: string;
  /** owning table (or view) for table-level objects */
  table?: string;
  /** object name (for a rename: the old name) */
  name: string;
  /** the new name of a rename */
  newName?: string;
  /** value before (drop, alter) */
  from?: ChangePayloads[K];
  /** value after (add, alter) */
  to?: ChangePayloads[K];
  /** the object belongs to a table created or dropped by the same migration (no safe form needed) */
  onNewTable?: boolean;
  /** the owning table is partitioned (no CONCURRENTLY index builds) */
  partitioned?: boolean;
  /** an index of a partitioned table: the partitions' indexes attached to it, built one by one */
  partitionIndexes?: { table: string; index: Index }[];
  /** a view or materialized view that is dropped and created again (else only its comment changes) */
  rebuild?: boolean;
  risk: Risk;
  /** one line for people: `add column public.orders.note text` */
  summary: string;
}

export type Change = { [K in ChangeKind]: ChangeBase<K> }[ChangeKind];
export type ChangeOf<K extends ChangeKind> = ChangeBase<K>;

/** A confirmed rename: `schema.table=new_table` or `schema.table.column=new_column`. */
export interface RenameSpec { schema: string; table: string; column?: string; to: string }

/** A dropped and an added object that look alike; never applied until confirmed. */
export interface RenameCandidate {
  kind: 'table' | 'column';
  schema: string;
  table: string;
  column?: string;
  to: string;
  /** the `--rename` value that confirms it */
  flag: string;
}

export interface DiffResult {
  changes: Change[];
  renameCandidates: RenameCandidate[];
}

/** One statement of a migration. */
export interface MigrationStep {
  sql: string;
  /** the lock it takes, e.g. `ACCESS EXCLUSIVE on public.orders`, or `none (new object)` */
  lock: string;
  /** false: runs outside the migration's transaction (CONCURRENTLY, VALIDATE after NOT VALID, ADD VALUE) */
  transactional: boolean;
  note?: string;
  risk: Risk;
  /** the change it comes from (`summary`) */
  change: string;
}

export interface MigrationPlan {
  upgrade: MigrationStep[];
  downgrade: MigrationStep[];
  /** things the plan cannot do safely or at all; each says what the user must do */
  warnings: string[];
  pgVersion: number;
}

export interface PlanOptions {
  /** target server major version (default 16): gates SET EXPRESSION (17), ADD VALUE in a transaction (12) */
  pgVersion?: number;
  /** the schema the migration starts from, for lock targets and row facts */
  fromSnapshot?: import('../introspect/types.js').SchemaSnapshot;
  /** `SET lock_timeout` at the start when an existing table is locked (default `5s`; `''` leaves it out) */
  lockTimeout?: string;
}
