import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { findPassword, readPgpass, type PgpassProblem } from './pgpass.js';
import { lookupService } from './service.js';
import { type ConnParams, type EmbeddedTarget, type ServerTarget, type SslMode, SSL_MODES, type Target } from './types.js';
import { parseConnString, redactConnString } from './url.js';

export interface ConnectionOptions {
  /** `--url`: a postgres:// URL or a libpq keyword string */
  url?: string;
  /** `--service NAME` */
  service?: string;
  /** `--db PATH`: an embedded PGlite database */
  db?: string;
  /** `--demo`: the embedded demo database */
  demo?: boolean;
}

export interface ResolveContext {
  env: NodeJS.ProcessEnv;
  home: string;
  osUser: string;
  /** where the demo database lives */
  demoDir: string;
}

const ENV_KEYS: [keyof ConnParams, string][] = [
  ['host', 'PGHOST'], ['host', 'PGHOSTADDR'], ['port', 'PGPORT'], ['dbname', 'PGDATABASE'], ['user', 'PGUSER'],
  ['password', 'PGPASSWORD'], ['sslmode', 'PGSSLMODE'], ['sslrootcert', 'PGSSLROOTCERT'], ['sslcert', 'PGSSLCERT'],
  ['sslkey', 'PGSSLKEY'], ['application_name', 'PGAPPNAME'], ['connect_timeout', 'PGCONNECT_TIMEOUT'],
  ['options', 'PGOPTIONS'],
];

/** Env variables whose presence means "the user named a server", so the demo is not opened. */
const SERVER_HINT_VARS = ['DATABASE_URL', 'PGSERVICE', 'PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER'];

export interface Resolved { target: Target; pgpassProblem?: PgpassProblem }

/**
 * Resolves what to connect to, like libpq: explicit parameters, then the service file, then PG*
 * variables, then defaults; the password from the parameters, PGPASSWORD, then the password file.
 * With nothing given it is the embedded demo database.
 */
export function resolveTarget(opts: ConnectionOptions, ctx: ResolveContext): Resolved {
  const given = [opts.url && '--url', opts.service && '--service', opts.db && '--db', opts.demo && '--demo'].filter(Boolean);
  if (given.length > 1) throw new UserError(`${given.join(' and ')} name different databases; give only one`);
  if (opts.demo) return { target: embedded(ctx.demoDir, true, '--demo') };
  if (opts.db) return { target: embedded(opts.db, false, '--db') };
  const envNamesServer = SERVER_HINT_VARS.some((v) => ctx.env[v]);
  if (!opts.url && !opts.service && !envNamesServer) {
    return { target: embedded(ctx.demoDir, true, 'default (no connection given)') };
  }
  return resolveServer(opts, ctx);
}

function embedded(dataDir: string, demo: boolean, source: string): EmbeddedTarget {
  return { kind: 'embedded', dataDir, demo, sources: { dataDir: source } };
}

export function resolveServer(opts: ConnectionOptions, ctx: ResolveContext): Resolved {
  const { env } = ctx;
  const params: ConnParams = {};
  const sources: ServerTarget['sources'] = {};
  const fill = (from: ConnParams, source: string) => {
    for (const [k, v] of Object.entries(from) as [keyof ConnParams, string | undefined][]) {
      if (v === undefined || v === '' || params[k] !== undefined) continue;
      params[k] = v;
      sources[k] = source;
    }
  };

  if (opts.url) fill(parseConnString(opts.url), '--url');
  else if (!opts.service && env.DATABASE_URL) fill(parseConnString(env.DATABASE_URL), 'DATABASE_URL');

  const serviceName = params.service ?? opts.service ?? env.PGSERVICE;
  if (serviceName) {
    const svc = lookupService(serviceName, env, ctx.home);
    fill(svc.params, `service ${serviceName} (${svc.path})`);
  }
  for (const [key, name] of ENV_KEYS) {
    const v = env[name];
    if (v) fill({ [key]: v }, name);
  }

  const defaults: ConnParams = {
    host: defaultHost(),
    port: '5432',
    user: ctx.osUser,
    sslmode: 'prefer',
    application_name: 'tablewright',
    connect_timeout: '10',
  };
  fill(defaults, 'default');
  if (params.dbname === undefined) {
    params.dbname = params.user;
    sources.dbname = 'default (the user name)';
  }

  const port = Number(params.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new UserError(`invalid port "${params.port}" (from ${sources.port}); use a number between 1 and 65535`);
  }
  const sslmode = params.sslmode as SslMode;
  if (!SSL_MODES.includes(sslmode)) {
    throw new UserError(`invalid sslmode "${params.sslmode}" (from ${sources.sslmode}); use one of ${SSL_MODES.join(', ')}`);
  }
  const timeout = Number(params.connect_timeout);
  if (!Number.isFinite(timeout) || timeout < 0) {
    throw new UserError(`invalid connect_timeout "${params.connect_timeout}" (from ${sources.connect_timeout}); use seconds, e.g. 10`);
  }

  const target: ServerTarget = {
    kind: 'server',
    host: params.host!,
    port,
    database: params.dbname!,
    user: params.user!,
    sslmode,
    sslrootcert: params.sslrootcert,
    sslcert: params.sslcert,
    sslkey: params.sslkey,
    applicationName: params.application_name!,
    // libpq treats 0 as "wait forever" and values below 2 as 2
    connectTimeoutSec: timeout === 0 ? 0 : Math.max(2, timeout),
    sources,
  };
  let pgpassProblem: PgpassProblem | undefined;
  if (params.password !== undefined) {
    target.password = params.password;
  } else {
    const path = env.PGPASSFILE ?? join(ctx.home, '.pgpass');
    const file = readPgpass(path);
    pgpassProblem = file.problem;
    const pw = findPassword(file.entries, target);
    if (pw !== undefined) {
      target.password = pw;
      sources.password = path;
    }
  }
  return { target, pgpassProblem };
}

/** libpq's default is the local socket directory; use it where it exists. */
function defaultHost(): string {
  return existsSync('/var/run/postgresql') ? '/var/run/postgresql' : 'localhost';
}

/** A one-line description of a target, never with its password. */
export function describeTarget(t: Target): string {
  if (t.kind === 'embedded') return t.demo ? `embedded demo database (${t.dataDir})` : `embedded database ${t.dataDir}`;
  const host = t.host.startsWith('/') ? `socket ${t.host}` : t.host;
  return `${t.user}@${host}:${t.port}/${t.database}`;
}

export { redactConnString };
