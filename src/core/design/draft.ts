import { randomBytes } from 'node:crypto';
import type { FkAction } from '../introspect/types.js';

/**
 * A table being designed: the wizard's and `new-table`'s one description of the answers given so far.
 * Plain JSON (it is saved to the cache dir and resumed), turned into a snapshot Table by `draftTable`.
 */
export interface TableDraft {
  format: 'tablewright-draft/1';
  schema: string;
  name: string;
  /** identity: `id bigint GENERATED ALWAYS AS IDENTITY`; uuid: `id uuid DEFAULT gen_random_uuid()`; natural: `pkColumns` */
  pk: 'identity' | 'uuid' | 'natural';
  /** natural/composite key columns (pk = natural) */
  pkColumns: string[];
  columns: DraftColumn[];
  foreignKeys: DraftForeignKey[];
  indexes: DraftIndex[];
  /** created_at / updated_at with now() defaults; updated_at kept current by a BEFORE UPDATE trigger */
  timestamps: boolean;
  /** deleted_at timestamptz NULL */
  softDelete: boolean;
  /** `version integer NOT NULL DEFAULT 1` for optimistic locking (SQLAlchemy version_id_col) */
  versionColumn: boolean;
  /** rows recorded as jsonb in `<schema>.audit_log` by a trigger (table and function created once, then reused) */
  audit?: boolean;
  comment?: string;
  /** Alembic revision id, fixed when the draft is created so previews and files agree */
  revision: string;
}

export interface DraftColumn {
  name: string;
  /** as typed: a seed alias (`str`, `int`, …) or any PostgreSQL type (`numeric(12,2)`, `text[]`, `public.money_amount`) */
  type: string;
  nullable: boolean;
  /** SQL default expression */
  default?: string;
  unique: boolean;
  /** CHECK expression */
  check?: string;
  comment?: string;
  /** a new enum type `<table>_<column>` with these labels (type is then ignored) */
  enumLabels?: string[];
}

export interface DraftForeignKey {
  column: string;
  /** referenced table, `schema.name` */
  table: string;
  /** referenced column (default: the referenced table's single-column primary key) */
  refColumn: string;
  onDelete: FkAction;
  /** create `<table>_<column>_idx` (offered by default: IX01) */
  index: boolean;
}

export interface DraftIndex {
  columns: string[];
  unique: boolean;
  /** partial index predicate */
  where?: string;
}

export const SEED_TYPES: Record<string, string> = {
  str: 'text', string: 'text', int: 'integer', integer: 'integer', bigint: 'bigint', float: 'double precision', bool: 'boolean',
  boolean: 'boolean', datetime: 'timestamp with time zone', text: 'text', uuid: 'uuid', jsonb: 'jsonb', json: 'json',
  date: 'date', decimal: 'numeric',
};

export function emptyDraft(name = '', schema = 'public', revision = newRevisionId()): TableDraft {
  return {
    format: 'tablewright-draft/1', schema, name, pk: 'identity', pkColumns: [], columns: [], foreignKeys: [], indexes: [],
    timestamps: true, softDelete: false, versionColumn: false, revision,
  };
}

export function newColumn(name: string, type = 'text'): DraftColumn {
  return { name, type, nullable: false, unique: false };
}

/** 12 hex digits, the shape of Alembic's own revision ids. */
export function newRevisionId(): string {
  return randomBytes(6).toString('hex');
}

/** Names PostgreSQL would give: the draft uses them so the model's naming convention reproduces them. */
export const draftNames = {
  pk: (t: string) => `${t}_pkey`,
  unique: (t: string, cols: string[]) => `${t}_${cols.join('_')}_key`,
  fk: (t: string, col: string) => `${t}_${col}_fkey`,
  check: (t: string, col: string) => `${t}_${col}_check`,
  index: (t: string, cols: string[]) => `${t}_${cols.join('_')}_idx`,
  enumType: (t: string, col: string) => `${t}_${col}`,
  touchFunction: (t: string) => `${t}_set_updated_at`,
  touchTrigger: (t: string) => `${t}_set_updated_at`,
  auditTrigger: (t: string) => `${t}_audit`,
  auditTable: 'audit_log',
  auditFunction: 'audit_log_record',
};

/** The columns the options add, in the order they follow the user's columns. */
export function generatedColumnNames(d: TableDraft): string[] {
  return [
    ...(d.pk === 'natural' ? [] : ['id']),
    ...(d.timestamps ? ['created_at', 'updated_at'] : []),
    ...(d.softDelete ? ['deleted_at'] : []),
    ...(d.versionColumn ? ['version'] : []),
  ];
}
