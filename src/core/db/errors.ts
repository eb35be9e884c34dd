import { UserError } from '../errors.js';
import type { PgpassProblem } from './conninfo/pgpass.js';
import { describeTarget } from './conninfo/resolve.js';
import type { ServerTarget } from './conninfo/types.js';

interface PgLikeError { code?: string; message?: string; syscall?: string; address?: string }

/** Turns a failed connection attempt into one line naming the problem and the fix. */
export function connectError(err: unknown, t: ServerTarget, pgpass?: PgpassProblem): UserError {
  const e = (err ?? {}) as PgLikeError;
  const where = t.host.startsWith('/') ? `socket ${t.host}/.s.PGSQL.${t.port}` : `${t.host}:${t.port}`;
  const msg = (e.message ?? String(err)).split('\n')[0]!;
  const pgpassNote = pgpass ? `; the password file ${pgpass.path} was not used: it ${pgpass.reason}` : '';
  let line: string;
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOENT':
      line = `could not connect to ${where}: connection refused; is the server running there? (check --url, PGHOST, PGPORT)`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      line = `could not connect: unknown host "${t.host}"; check the host name in --url or PGHOST`;
      break;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      line = `could not connect to ${where}: ${e.code}; check the address and any firewall`;
      break;
    case '28P01':
      line = t.password === undefined
        ? `password authentication failed for user "${t.user}": no password was given; set PGPASSWORD or add a line to ~/.pgpass${pgpassNote}`
        : `password authentication failed for user "${t.user}" (password from ${t.sources.password ?? 'unknown'}); check it`;
      break;
    case '28000':
      line = `server at ${where} rejected user "${t.user}" for database "${t.database}": ${msg}; check pg_hba.conf or the user name`;
      break;
    case '3D000':
      line = `database "${t.database}" does not exist on ${where}; pick one with --url .../DBNAME or PGDATABASE`;
      break;
    case '53300':
      line = `server at ${where} has no free connection slots (too many clients); try again later`;
      break;
    case '57P03':
      line = `server at ${where} is starting up or shutting down; try again in a moment`;
      break;
    default:
      if (e.code && /^[0-9A-Z]{5}$/.test(e.code)) line = `could not connect to ${describeTarget(t)}: ${msg}`;
      else if (/timeout/i.test(msg)) line = `could not connect to ${where}: no answer within ${t.connectTimeoutSec} s; is it a PostgreSQL server? (connect_timeout / PGCONNECT_TIMEOUT)`;
      else if (/does not support SSL/i.test(msg)) line = `server at ${where} does not support SSL but sslmode=${t.sslmode} requires it; use sslmode=prefer or disable`;
      else if (/self[- ]signed|certificate|CERT_|UNABLE_TO_VERIFY/i.test(msg) || /CERT|ERR_TLS/.test(e.code ?? '')) line = `TLS certificate check failed for ${where} (sslmode=${t.sslmode}): ${msg}; give sslrootcert or use sslmode=require`;
      else line = `the server at ${where} did not answer as PostgreSQL does (${msg}); check the host and port`;
  }
  return new UserError(line, { cause: err });
}

/** A failed statement, as one line: the server's message plus its hint where it has one. */
export function statementError(err: unknown): UserError {
  const e = (err ?? {}) as PgLikeError & { hint?: string; position?: string };
  const msg = (e.message ?? String(err)).split('\n')[0]!;
  if (e.code === '25006') {
    return new UserError(`${msg}: the connection is read-only; reconnect with --write (or toggle writing in the TUI) to change data`, { exitCode: 1, cause: err });
  }
  if (e.code === '57014') {
    return new UserError(/statement timeout/i.test(msg) ? `${msg}; raise it with --statement-timeout MS` : 'statement cancelled', { exitCode: 1, cause: err });
  }
  return new UserError(e.hint ? `${msg} (hint: ${e.hint})` : msg, { exitCode: 1, cause: err });
}
