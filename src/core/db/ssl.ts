import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { UserError } from '../errors.js';
import type { ServerTarget } from './conninfo/types.js';

/**
 * The TLS settings for one attempt, with libpq's meaning of sslmode (node-postgres' own reading of
 * `require` verifies the certificate, which breaks self-signed servers that libpq accepts).
 */
export function tlsFor(t: ServerTarget, useTls: boolean): false | TlsOptions {
  if (!useTls) return false;
  const read = (path: string | undefined, what: string) => {
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new UserError(`cannot read ${what} file ${path}; check the path given in ${what === 'root certificate' ? 'sslrootcert / PGSSLROOTCERT' : 'sslcert / sslkey'}`);
    }
  };
  const ca = read(t.sslrootcert, 'root certificate');
  const cert = read(t.sslcert, 'client certificate');
  const key = read(t.sslkey, 'client key');
  const base: TlsOptions = { ca, cert, key };
  switch (t.sslmode) {
    case 'verify-full':
      return { ...base, rejectUnauthorized: true };
    case 'verify-ca':
      return { ...base, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'require':
      // libpq: with a root certificate given, `require` verifies the chain like verify-ca
      return ca ? { ...base, rejectUnauthorized: true, checkServerIdentity: () => undefined } : { ...base, rejectUnauthorized: false };
    default:
      return { ...base, rejectUnauthorized: false };
  }
}

/** The TLS attempts to make in order: libpq's `prefer` tries TLS first, `allow` plain first. */
export function tlsAttempts(t: ServerTarget): boolean[] {
  if (t.host.startsWith('/')) return [false]; // no TLS over Unix sockets
  switch (t.sslmode) {
    case 'disable': return [false];
    case 'allow': return [false, true];
    case 'prefer': return [true, false];
    default: return [true];
  }
}
