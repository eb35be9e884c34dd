import type { Kysely } from 'kysely';
import type { Target } from './conninfo/types.js';

export type Flavor = 'postgres' | 'pglite' | 'cockroach' | 'yugabyte' | 'citus' | 'neon' | 'supabase';

/** Facts about the server learned once at connect. */
export interface ServerInfo {
  versionNum: number;
  versionString: string;
  flavor: Flavor;
  database: string;
  user: string;
}

export interface QueryResult<R = Record<string, unknown>> {
  command: string;
  rowCount: number | null;
  rows: R[];
  fields: { name: string; dataTypeID: number }[];
}

export interface QueryOptions {
  /** rows as arrays in field order (cheaper for large catalog reads) */
  rowMode?: 'array';
}

/** A checked-out session for work that needs one backend (a transaction, SET LOCAL, a cursor). */
export interface Session {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<QueryResult<R>>;
  /** several statements in one simple-protocol round trip; one result per statement */
  exec(sql: string, opts?: QueryOptions): Promise<QueryResult[]>;
}

/**
 * One way to talk to a database, whether a server (pg Pool) or an embedded PGlite.
 * Usable through Kysely (`kysely`) and raw SQL. Errors are thrown as the driver's errors; use
 * `statementError` to turn them into one line for the user.
 */
export interface Connection extends Session {
  readonly target: Target;
  readonly server: ServerInfo;
  readonly kysely: Kysely<any>;
  /** true while writes are refused (server sessions default to it) */
  readonly readOnly: boolean;
  /** whether `cancel()` can stop a running statement (PGlite runs on this thread and cannot) */
  readonly canCancel: boolean;
  /** runs `fn` on one session; the session goes back when the promise settles */
  withSession<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  /** cancels every statement running on this connection; resolves to how many were signalled */
  cancel(): Promise<number>;
  /** turns writing on or off for every later statement */
  setWriteMode(on: boolean): Promise<void>;
  close(): Promise<void>;
}
