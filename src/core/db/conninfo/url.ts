import { UserError } from '../../errors.js';
import { type ConnParams, PARAM_KEYS } from './types.js';

const ALIASES: Record<string, keyof ConnParams> = { database: 'dbname', username: 'user', hostaddr: 'host' };

function paramKey(raw: string, where: string): keyof ConnParams | undefined {
  const key = (ALIASES[raw] ?? raw) as keyof ConnParams;
  if ((PARAM_KEYS as readonly string[]).includes(key)) return key;
  // libpq rejects unknown keywords; options it knows but we do not use are ignored with intent.
  if (LIBPQ_IGNORED.has(raw)) return undefined;
  throw new UserError(`unknown connection parameter "${raw}" in ${where}; known: ${PARAM_KEYS.join(', ')}`);
}

const LIBPQ_IGNORED = new Set([
  'keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count', 'tcp_user_timeout',
  'target_session_attrs', 'gssencmode', 'sslcompression', 'sslcrl', 'sslcrldir', 'sslsni', 'requirepeer',
  'krbsrvname', 'gsslib', 'channel_binding', 'fallback_application_name', 'load_balance_hosts',
  'sslnegotiation', 'require_auth', 'sslpassword', 'ssl_min_protocol_version', 'ssl_max_protocol_version',
  'replication', 'passfile', 'sslcompat',
]);

export const isUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);

/** Parses a `postgres://` / `postgresql://` URL into libpq parameters, as libpq does. */
export function parseUrl(url: string): ConnParams {
  const m = /^postgres(?:ql)?:\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/i.exec(url.trim());
  if (!m) throw new UserError(`malformed connection URL; expected postgres://user:password@host:port/dbname`);
  const [, authority = '', path, query] = m;
  const out: ConnParams = {};
  let hostPart = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    hostPart = authority.slice(at + 1);
    const colon = userinfo.indexOf(':');
    const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    if (user) out.user = decode(user, 'user name');
    if (colon >= 0) out.password = decode(userinfo.slice(colon + 1), 'password');
  }
  if (hostPart.includes(',')) {
    throw new UserError('connection URLs with several hosts are not supported; give one host');
  }
  if (hostPart) {
    const hp = /^(?:\[([^\]]+)\]|([^:]*))(?::(.*))?$/.exec(hostPart);
    if (!hp) throw new UserError(`malformed host "${hostPart}" in connection URL`);
    const host = hp[1] ?? hp[2];
    if (host) out.host = decode(host, 'host');
    if (hp[3] !== undefined && hp[3] !== '') {
      if (!/^\d+$/.test(hp[3])) throw new UserError(`invalid port "${hp[3]}" in connection URL; use a number like 5432`);
      out.port = hp[3];
    }
  }
  if (path && path.length > 1) out.dbname = decode(path.slice(1), 'database name');
  if (query) {
    for (const pair of query.slice(1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq < 0) throw new UserError(`malformed URL query parameter "${pair}"; use key=value`);
      const key = paramKey(decode(pair.slice(0, eq), 'parameter'), 'the connection URL');
      if (key) out[key] = decode(pair.slice(eq + 1).replace(/\+/g, ' '), key);
    }
  }
  return out;
}

function decode(s: string, what: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new UserError(`malformed percent-encoding in the ${what} of the connection URL`);
  }
}

/** Parses a libpq keyword/value string: `host=db port=5432 dbname='my db'`. */
export function parseKeywordString(s: string): ConnParams {
  const out: ConnParams = {};
  let i = 0;
  const n = s.length;
  const skipWs = () => { while (i < n && /\s/.test(s[i]!)) i++; };
  while (true) {
    skipWs();
    if (i >= n) break;
    const start = i;
    while (i < n && s[i] !== '=' && !/\s/.test(s[i]!)) i++;
    const key = s.slice(start, i);
    skipWs();
    if (s[i] !== '=') throw new UserError(`missing "=" after "${key}" in connection string`);
    i++;
    skipWs();
    let value = '';
    if (s[i] === "'") {
      i++;
      while (i < n && s[i] !== "'") {
        if (s[i] === '\\' && i + 1 < n) i++;
        value += s[i++];
      }
      if (i >= n) throw new UserError('unterminated quoted value in connection string');
      i++;
    } else {
      while (i < n && !/\s/.test(s[i]!)) {
        if (s[i] === '\\' && i + 1 < n) i++;
        value += s[i++];
      }
    }
    const k = paramKey(key, 'the connection string');
    if (k) out[k] = value;
  }
  return out;
}

/** A URL or keyword string, as psql accepts for its dbname argument. */
export function parseConnString(s: string): ConnParams {
  if (isUrl(s)) return parseUrl(s);
  if (s.includes('=')) return parseKeywordString(s);
  throw new UserError(`"${redactConnString(s)}" is not a connection URL; use postgres://user@host:port/dbname or "host=... dbname=..."`);
}

/** The same string with any password replaced, safe to print. */
export function redactConnString(s: string): string {
  return s
    .replace(/(postgres(?:ql)?:\/\/[^:/@?#]*:)[^@/?#]*@/i, '$1***@')
    .replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, '$1***');
}
