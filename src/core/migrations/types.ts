import type { SchemaSnapshot } from '../introspect/types.js';
import type { LintConfig } from '../rules/config.js';
import type { Category, Fix, RawFinding, Severity } from '../rules/types.js';

/** A node of the PostgreSQL parse tree (libpg-query JSON); the grammar is too large to type by hand here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PgNode = Record<string, any>;

export type SourceKind = 'sql' | 'alembic';

/** One statement of a migration, whatever front-end produced it, with its place in the source file. */
export interface MigrationStatement {
  /** parse-tree node type, e.g. `IndexStmt` */
  kind: string;
  /** the node's body */
  node: PgNode;
  /** the statement as SQL (for Alembic: what Alembic renders) */
  sql: string;
  /** 1-based position in the source file */
  line: number;
  column: number;
  /** rule ids ignored for this statement by a comment; `*` ignores all */
  ignores: string[];
  /** the Alembic call it came from, e.g. `op.create_index` */
  alembicCall?: string;
  /** transaction boundaries invented by a front-end (Alembic's autocommit_block); not the author's SQL */
  synthetic?: boolean;
  /** for Alembic ops: facts the rendered SQL cannot carry (existing_type=, drop_constraint's type_=) */
  hints?: { oldType?: string; constraintKind?: 'foreignkey' | 'primary' | 'unique' | 'check' };
}

export interface CheckOptions {
  /** target PostgreSQL major version (default: the connected server's, else 15) */
  pgVersion?: number;
  /** the runner wraps each SQL file in a transaction */
  assumeInTransaction?: boolean;
  /** live schema for context: table existence, row estimates, function volatility, validated checks */
  snapshot?: SchemaSnapshot;
  config?: LintConfig;
}

/** What a migration rule sees: the statement and the state of the migration before it runs. */
export interface MigrationContext {
  stmt: MigrationStatement;
  state: import('./state.js').MigrationState;
  pgVersion: number;
  source: SourceKind;
  snapshot?: SchemaSnapshot;
  options: Record<string, unknown>;
}

export interface MigrationRule {
  id: string;
  name: string;
  category: Category;
  severity: Severity;
  why: string;
  offByDefault?: boolean;
  /** statement kinds the rule looks at (undefined: every statement); lets the engine skip the rest */
  kinds?: readonly string[];
  defaults?: Record<string, unknown>;
  /** called for each statement, before the statement's effects are applied to the state */
  check?(ctx: MigrationContext): RawFinding[];
  /** called once after the last statement (file-level findings: uncommitted transaction, …) */
  finish?(ctx: Omit<MigrationContext, 'stmt'> & { stmt?: MigrationStatement }): RawFinding[];
}

export type { Fix };
