import type { OptionSpec } from './command.js';

/** Connection options every connecting command takes (architecture.md: CLI surface). */
export const CONNECTION_OPTIONS: OptionSpec = {
  url: { type: 'string' },
  service: { type: 'string' },
  db: { type: 'string' },
  demo: { type: 'boolean' },
  'reset-demo': { type: 'boolean' },
  write: { type: 'boolean' },
  'statement-timeout': { type: 'string' },
};

export const CONNECTION_HELP = `Connection (default: the embedded demo database):
  --url URL              postgres://user@host:port/dbname?sslmode=... or "host=... dbname=..."
  --service NAME         a service from ~/.pg_service.conf (PGSERVICEFILE, PGSYSCONFDIR)
  --db PATH              an embedded PGlite database at PATH (created if missing)
  --demo                 the embedded demo database
  --reset-demo           rebuild the demo database first
  --write                allow writes (server sessions are read-only by default)
  --statement-timeout MS limit for each statement (default 30000; 0 = none)
  Without these: DATABASE_URL, then PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE,
  PGSERVICE; passwords from ~/.pgpass (PGPASSFILE).`;
