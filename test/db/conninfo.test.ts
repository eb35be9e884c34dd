import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTarget, resolveServer, resolveTarget, type ResolveContext } from '../../src/core/db/conninfo/resolve.js';
import { findPassword, parsePgpass, readPgpass } from '../../src/core/db/conninfo/pgpass.js';
import { lookupService, parseServiceFile } from '../../src/core/db/conninfo/service.js';
import type { ServerTarget } from '../../src/core/db/conninfo/types.js';
import { parseConnString, parseKeywordString, parseUrl, redactConnString } from '../../src/core/db/conninfo/url.js';

const home = () => mkdtempSync(join(tmpdir(), 'tw-home-'));
const ctx = (env: NodeJS.ProcessEnv = {}, h = home()): ResolveContext => ({ env, home: h, osUser: 'alice', demoDir: '/cache/demo' });
const server = (r: ReturnType<typeof resolveServer>) => r.target as ServerTarget;

describe('URL parsing', () => {
  it('reads every part of a full URL', () => {
    expect(parseUrl('postgresql://bob:s%40cret@db.example.com:6543/shop?sslmode=require&application_name=x')).toEqual({
      user: 'bob', password: 's@cret', host: 'db.example.com', port: '6543', dbname: 'shop', sslmode: 'require', application_name: 'x',
    });
  });
  it('accepts IPv6 hosts, socket hosts in the query, and an empty authority', () => {
    expect(parseUrl('postgres://[::1]:5433/db')).toEqual({ host: '::1', port: '5433', dbname: 'db' });
    expect(parseUrl('postgres:///db?host=/var/run/postgresql')).toEqual({ dbname: 'db', host: '/var/run/postgresql' });
    expect(parseUrl('postgres://%2Ftmp/db')).toEqual({ host: '/tmp', dbname: 'db' });
    expect(parseUrl('postgres://')).toEqual({});
  });
  it('rejects malformed URLs with a one-line reason', () => {
    expect(() => parseUrl('postgres://h:abc/db')).toThrow(/invalid port "abc"/);
    expect(() => parseUrl('postgres://a,b/db')).toThrow(/several hosts/);
    expect(() => parseUrl('postgres://h/db?bogus=1')).toThrow(/unknown connection parameter "bogus"/);
    expect(() => parseUrl('postgres://h/%zz')).toThrow(/percent-encoding/);
    expect(() => parseConnString('mysql://h/db')).toThrow(/not a connection URL/);
  });
  it('parses libpq keyword strings with quoting and escapes', () => {
    expect(parseKeywordString(`host=db port = 5432 dbname='my db' password='it\\'s'`)).toEqual({
      host: 'db', port: '5432', dbname: 'my db', password: "it's",
    });
    expect(() => parseKeywordString('host')).toThrow(/missing "="/);
    expect(() => parseKeywordString("dbname='x")).toThrow(/unterminated/);
  });
  it('redacts passwords in URLs and keyword strings', () => {
    expect(redactConnString('postgres://bob:hunter2@h/db')).toBe('postgres://bob:***@h/db');
    expect(redactConnString("host=h password='a b' user=u")).toBe('host=h password=*** user=u');
  });
});

describe('.pgpass', () => {
  const entries = parsePgpass(['# comment', 'db.example.com:5432:shop:bob:pw1', '*:*:*:carol:pw\\:2', 'localhost:*:*:*:local', ''].join('\n'));
  it('parses escapes and skips comments', () => {
    expect(entries).toHaveLength(3);
    expect(entries[1]!.password).toBe('pw:2');
  });
  it('matches the first line whose fields match, with * wildcards', () => {
    expect(findPassword(entries, { host: 'db.example.com', port: 5432, database: 'shop', user: 'bob' })).toBe('pw1');
    expect(findPassword(entries, { host: 'db.example.com', port: 5433, database: 'shop', user: 'bob' })).toBeUndefined();
    expect(findPassword(entries, { host: 'other', port: 1, database: 'x', user: 'carol' })).toBe('pw:2');
  });
  it('matches a socket host as localhost', () => {
    expect(findPassword(entries, { host: '/var/run/postgresql', port: 5432, database: 'd', user: 'zed' })).toBe('local');
  });
  it('ignores a file others can read, and says why', () => {
    const h = home();
    const p = join(h, '.pgpass');
    writeFileSync(p, '*:*:*:*:secret\n');
    chmodSync(p, 0o644);
    const r = readPgpass(p);
    expect(r.entries).toEqual([]);
    expect(r.problem?.reason).toMatch(/mode 0644.*chmod 600/);
    chmodSync(p, 0o600);
    expect(readPgpass(p).entries).toHaveLength(1);
  });
});

describe('pg_service.conf', () => {
  it('parses sections and reports syntax errors with the line', () => {
    const f = parseServiceFile('# c\n[prod]\nhost=db\nport=6432\n\n[dev]\ndbname = devdb\n', 'x');
    expect(f.get('prod')).toEqual({ host: 'db', port: '6432' });
    expect(f.get('dev')).toEqual({ dbname: 'devdb' });
    expect(() => parseServiceFile('host=x', 'f.conf')).toThrow(/f\.conf, line 1: key outside/);
  });
  it('looks in PGSERVICEFILE first, then PGSYSCONFDIR, and lists known services when missing', () => {
    const h = home();
    const sys = home();
    writeFileSync(join(h, 'svc.conf'), '[a]\nhost=user-file\n');
    writeFileSync(join(sys, 'pg_service.conf'), '[a]\nhost=system\n[b]\nhost=sys-b\n');
    const env = { PGSERVICEFILE: join(h, 'svc.conf'), PGSYSCONFDIR: sys };
    expect(lookupService('a', env, h).params.host).toBe('user-file');
    expect(lookupService('b', env, h).params.host).toBe('sys-b');
    expect(() => lookupService('zz', env, h)).toThrow(/unknown service "zz" \(known services: a, b\)/);
  });
  it('falls back to ~/.pg_service.conf', () => {
    const h = home();
    writeFileSync(join(h, '.pg_service.conf'), '[mine]\nhost=from-home\ndbname=x\n');
    expect(lookupService('mine', { PGSYSCONFDIR: h + '/none' }, h).params).toEqual({ host: 'from-home', dbname: 'x' });
  });
});

describe('target resolution', () => {
  it('opens the demo when nothing names a server', () => {
    expect(resolveTarget({}, ctx()).target).toMatchObject({ kind: 'embedded', demo: true, dataDir: '/cache/demo' });
    expect(resolveTarget({ db: './scratch' }, ctx()).target).toMatchObject({ kind: 'embedded', demo: false, dataDir: './scratch' });
  });
  it('refuses two different databases at once', () => {
    expect(() => resolveTarget({ url: 'postgres://h/db', demo: true }, ctx())).toThrow(/--url and --demo/);
  });
  it('uses PG* variables when any is set, and libpq defaults for the rest', () => {
    const t = server(resolveServer({}, ctx({ PGHOST: 'pg.internal', PGDATABASE: 'shop' })));
    expect(t).toMatchObject({ host: 'pg.internal', port: 5432, database: 'shop', user: 'alice', sslmode: 'prefer' });
    expect(t.sources).toMatchObject({ host: 'PGHOST', dbname: 'PGDATABASE', user: 'default', port: 'default' });
    expect(resolveTarget({}, ctx({ PGUSER: 'bob' })).target.kind).toBe('server');
  });
  it('defaults the database to the user name', () => {
    expect(server(resolveServer({}, ctx({ PGUSER: 'bob', PGHOST: 'h' })))).toMatchObject({ database: 'bob', user: 'bob' });
  });
  it('lets --url win over DATABASE_URL, and DATABASE_URL over PG* variables', () => {
    const env = { DATABASE_URL: 'postgres://envuser@envhost/envdb', PGHOST: 'pghost', PGPORT: '6000' };
    expect(server(resolveServer({ url: 'postgres://u@urlhost/db' }, ctx(env)))).toMatchObject({ host: 'urlhost', port: 6000, user: 'u' });
    const t = server(resolveServer({}, ctx(env)));
    expect(t).toMatchObject({ host: 'envhost', user: 'envuser', database: 'envdb', port: 6000 });
    expect(t.sources.port).toBe('PGPORT');
  });
  it('lets service settings win over PG* variables, and explicit URL values over both', () => {
    const h = home();
    writeFileSync(join(h, '.pg_service.conf'), '[prod]\nhost=svc-host\nport=7000\ndbname=svcdb\n');
    const env = { PGHOST: 'env-host', PGUSER: 'envuser' };
    const t = server(resolveServer({ service: 'prod' }, ctx(env, h)));
    expect(t).toMatchObject({ host: 'svc-host', port: 7000, database: 'svcdb', user: 'envuser' });
    expect(t.sources.host).toMatch(/^service prod/);
    const u = server(resolveServer({ url: 'postgres://x@urlhost/db?service=prod' }, ctx(env, h)));
    expect(u).toMatchObject({ host: 'urlhost', port: 7000, database: 'db' });
    expect(server(resolveServer({}, ctx({ PGSERVICE: 'prod' }, h)))).toMatchObject({ host: 'svc-host' });
  });
  it('takes the password from the URL, then PGPASSWORD, then .pgpass (PGPASSFILE)', () => {
    const h = home();
    const pass = join(h, 'pass');
    writeFileSync(pass, 'h:5432:db:u:from-file\n', { mode: 0o600 });
    expect(server(resolveServer({ url: 'postgres://u:inurl@h/db' }, ctx({ PGPASSWORD: 'env', PGPASSFILE: pass }, h))).password).toBe('inurl');
    expect(server(resolveServer({ url: 'postgres://u@h/db' }, ctx({ PGPASSWORD: 'env', PGPASSFILE: pass }, h))).password).toBe('env');
    const t = server(resolveServer({ url: 'postgres://u@h/db' }, ctx({ PGPASSFILE: pass }, h)));
    expect(t.password).toBe('from-file');
    expect(t.sources.password).toBe(pass);
  });
  it('reads ~/.pgpass by default and reports a too-open one', () => {
    const h = home();
    writeFileSync(join(h, '.pgpass'), '*:*:*:*:pw\n', { mode: 0o644 });
    chmodSync(join(h, '.pgpass'), 0o644);
    const r = resolveServer({ url: 'postgres://u@h/db' }, ctx({}, h));
    expect(server(r).password).toBeUndefined();
    expect(r.pgpassProblem?.reason).toMatch(/chmod 600/);
  });
  it('rejects bad values naming where they came from', () => {
    expect(() => resolveServer({}, ctx({ PGHOST: 'h', PGPORT: 'x' }))).toThrow(/invalid port "x" \(from PGPORT\)/);
    expect(() => resolveServer({}, ctx({ PGHOST: 'h', PGSSLMODE: 'sometimes' }))).toThrow(/invalid sslmode "sometimes" \(from PGSSLMODE\); use one of disable/);
    expect(() => resolveServer({ service: 'nope' }, ctx({}))).toThrow(/unknown service "nope"/);
  });
  it('never puts the password in the description', () => {
    const t = resolveServer({ url: 'postgres://u:topsecret@h:1/db' }, ctx()).target;
    expect(describeTarget(t)).toBe('u@h:1/db');
    expect(JSON.stringify(t.sources)).not.toContain('topsecret');
  });
});
