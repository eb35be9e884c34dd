export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** libpq connection parameters Tablewright understands, by their libpq keyword. */
export interface ConnParams {
  host?: string;
  port?: string;
  dbname?: string;
  user?: string;
  password?: string;
  sslmode?: string;
  sslrootcert?: string;
  sslcert?: string;
  sslkey?: string;
  application_name?: string;
  connect_timeout?: string;
  service?: string;
  options?: string;
}

export const PARAM_KEYS: readonly (keyof ConnParams)[] = [
  'host', 'port', 'dbname', 'user', 'password', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey',
  'application_name', 'connect_timeout', 'service', 'options',
];

/** Where a parameter's value came from, for `tablewright status` (never the value of a password). */
export type ParamSource = string;

/** A fully resolved server target. `password` is kept out of every printed form. */
export interface ServerTarget {
  kind: 'server';
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  sslmode: SslMode;
  sslrootcert?: string;
  sslcert?: string;
  sslkey?: string;
  applicationName: string;
  connectTimeoutSec: number;
  /** parameter → where it came from ("--url", "PGHOST", "service mydb (~/.pg_service.conf)", "default", ...) */
  sources: Partial<Record<keyof ConnParams, ParamSource>>;
}

export interface EmbeddedTarget {
  kind: 'embedded';
  /** data directory of the PGlite database */
  dataDir: string;
  demo: boolean;
  sources: { dataDir: ParamSource };
}

export type Target = ServerTarget | EmbeddedTarget;
