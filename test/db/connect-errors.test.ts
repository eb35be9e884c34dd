import { createServer, type Server } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServer } from '../../src/core/db/server-connection.js';
import { openEmbedded } from '../../src/core/db/embedded-connection.js';
import { resolveServer } from '../../src/core/db/conninfo/resolve.js';
import type { ServerTarget } from '../../src/core/db/conninfo/types.js';
import { describeServer } from '../helpers/server.js';

const target = (url: string, env: NodeJS.ProcessEnv = {}) =>
  resolveServer({ url }, { env, home: '/nonexistent', osUser: 'postgres', demoDir: '/x' }).target as ServerTarget;

/** A local TCP server that is not PostgreSQL: it answers like HTTP, or never answers. */
function fakeServer(reply: string | null): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer((sock) => {
      sock.on('error', () => {});
      if (reply !== null) sock.once('data', () => sock.end(Buffer.from(reply, 'latin1')));
    });
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, server }));
  });
}

/** A protocol ErrorResponse, as a server sends it right after the startup message. */
function pgError(code: string, message: string): string {
  const body = `SFATAL\0C${code}\0M${message}\0\0`;
  const len = Buffer.alloc(4);
  len.writeInt32BE(body.length + 4);
  return `E${len.toString('latin1')}${body}`;
}

describe('connection failures give one line with the fix', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('refused connection', async () => {
    const probe = await fakeServer('');
    const port = probe.port;
    await new Promise((r) => probe.server.close(r));
    const err = await openServer(target(`postgres://u@127.0.0.1:${port}/db?sslmode=disable`)).catch((e) => e);
    expect(err.message).toBe(`could not connect to 127.0.0.1:${port}: connection refused; is the server running there? (check --url, PGHOST, PGPORT)`);
    expect(err.exitCode).toBe(2);
  });
  it('a server that is not PostgreSQL', async () => {
    const { port, server } = await fakeServer('HTTP/1.1 400 Bad Request\r\n\r\n');
    servers.push(server);
    const err = await openServer(target(`postgres://u@127.0.0.1:${port}/db?sslmode=disable`)).catch((e) => e);
    expect(err.message).toMatch(new RegExp(`^the server at 127.0.0.1:${port} did not answer as PostgreSQL does .*; check the host and port$`));
    expect(err.message).not.toContain('\n');
  });
  it('a server that never answers, within connect_timeout', async () => {
    const { port, server } = await fakeServer(null);
    servers.push(server);
    const started = Date.now();
    const err = await openServer(target(`postgres://u@127.0.0.1:${port}/db?sslmode=disable&connect_timeout=2`)).catch((e) => e);
    expect(err.message).toMatch(/no answer within 2 s; is it a PostgreSQL server\?/);
    expect(Date.now() - started).toBeLessThan(6000);
  });
  it('wrong password, with where the password came from', async () => {
    const { port, server } = await fakeServer(pgError('28P01', 'password authentication failed for user "u"'));
    servers.push(server);
    const err = await openServer(target(`postgres://u@127.0.0.1:${port}/db?sslmode=disable`, { PGPASSWORD: 'nope' })).catch((e) => e);
    expect(err.message).toBe('password authentication failed for user "u" (password from PGPASSWORD); check it');
    const none = await openServer(target(`postgres://u@127.0.0.1:${port}/db?sslmode=disable`)).catch((e) => e);
    expect(none.message).toMatch(/no password was given; set PGPASSWORD or add a line to ~\/\.pgpass/);
  });
  it('the password never shows in an error', async () => {
    const { port, server } = await fakeServer('garbage');
    servers.push(server);
    const err = await openServer(target(`postgres://u:hunter2@127.0.0.1:${port}/db?sslmode=disable`)).catch((e) => e);
    expect(err.message).not.toContain('hunter2');
  });
});

describeServer('connection failures against the real server', () => {
  it('a database that does not exist', async () => {
    const err = await openServer(target('postgres://postgres@127.0.0.1:5432/no_such_db_tw?sslmode=disable')).catch((e) => e);
    expect(err.message).toBe('database "no_such_db_tw" does not exist on 127.0.0.1:5432; pick one with --url .../DBNAME or PGDATABASE');
  });
  it('sslmode=require against a server without TLS', async () => {
    const err = await openServer(target('postgres://postgres@127.0.0.1:5432/postgres?sslmode=require')).catch((e) => e);
    expect(err.message).toMatch(/does not support SSL but sslmode=require requires it/);
  });
  it('sslmode=prefer falls back to a plain connection', async () => {
    const c = await openServer(target('postgres://postgres@127.0.0.1:5432/postgres?sslmode=prefer'));
    expect(c.server.versionNum).toBeGreaterThan(0);
    await c.close();
  });
});

describe('embedded data directories that cannot be opened', () => {
  const root = mkdtempSync(join(tmpdir(), 'tw-bad-'));
  const open = (dir: string) => openEmbedded({ kind: 'embedded', dataDir: dir, demo: false, sources: { dataDir: 'test' } });

  it('a directory of other files is refused and left untouched', async () => {
    const dir = join(root, 'project');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(open(dir)).rejects.toThrow(/is not an embedded database \(no PG_VERSION\) and is not empty/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
  it('a data directory from a newer PostgreSQL names both versions', async () => {
    const dir = join(root, 'newer');
    mkdirSync(dir);
    writeFileSync(join(dir, 'PG_VERSION'), '19\n');
    await expect(open(dir)).rejects.toThrow(/holds a PostgreSQL 19 database, made by a newer PGlite; this Tablewright embeds PostgreSQL 18/);
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('19\n');
  });
  it('a file where a directory should be', async () => {
    const file = join(root, 'file.db');
    writeFileSync(file, 'x');
    await expect(open(file)).rejects.toThrow(/is a file, not a database directory/);
  });
  it('a damaged data directory gives one line and is not deleted', async () => {
    const dir = join(root, 'damaged');
    mkdirSync(dir);
    writeFileSync(join(dir, 'PG_VERSION'), '18\n');
    writeFileSync(join(dir, 'postgresql.conf'), 'this is = not valid config\n');
    const err = await open(dir).catch((e) => e);
    expect(err.message).toMatch(/^could not open the embedded database at .*damaged.*it may be damaged/);
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['PG_VERSION', 'postgresql.conf']));
  });
});
