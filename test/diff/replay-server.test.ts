import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { diffSnapshots, renderAlembicRevision } from '../../src/core/diff/index.js';
import { PYTHON, pythonAvailable } from '../helpers/python.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';
import { CORPUS } from './corpus.js';
import { comparable, prepare, replay, snap } from './replay.js';

const ENV_PY = `import os

from alembic import context
from sqlalchemy import create_engine

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None, version_table_schema="tw_alembic", transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
`;

describeServer('diff replay proof on the server (PostgreSQL 15): SQL scripts and Alembic revisions', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  let project: string;
  beforeAll(async () => {
    scratch = await scratchDatabase('tw_diff');
    conn = await scratch.open({ write: true });
    project = mkdtempSync(join(tmpdir(), 'tw-diff-alembic-'));
    mkdirSync(join(project, 'alembic', 'versions'), { recursive: true });
    writeFileSync(join(project, 'alembic.ini'), '[alembic]\nscript_location = alembic\n');
    writeFileSync(join(project, 'alembic', 'env.py'), ENV_PY);
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  describe('SQL: A + upgrade = B, B + downgrade = A', () => {
    for (const c of CORPUS.filter((x) => x.only !== 'pglite')) it(c.name, async () => { await replay(conn, c, 15); }, 60_000);
  });

  describe.skipIf(!pythonAvailable)('Alembic: alembic upgrade head gives B, alembic downgrade base gives A', () => {
    const alembic = (...args: string[]) => {
      const db = new URL(scratch.url).pathname.slice(1);
      const r = spawnSync(PYTHON, ['-m', 'alembic', '-c', 'alembic.ini', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `postgresql+psycopg://postgres@127.0.0.1:5432/${db}` } });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    for (const c of CORPUS.filter((x) => x.only !== 'pglite')) {
      it(c.name, async () => {
        const r = await prepare(conn, c, 15);
        const revision = renderAlembicRevision(r.plan, { revision: 'tw0001', downRevision: null, message: c.name });
        writeFileSync(join(project, 'alembic', 'versions', 'tw0001_diff.py'), revision);
        await conn.exec('CREATE SCHEMA tw_alembic');
        const up = alembic('upgrade', 'head');
        expect(up.status, `${up.out}\n${revision}`).toBe(0);
        const afterUp = await snap(conn);
        expect(comparable(afterUp), revision).toEqual(comparable(r.b));
        const down = alembic('downgrade', 'base');
        expect(down.status, `${down.out}\n${revision}`).toBe(0);
        const afterDown = await snap(conn);
        expect(comparable(afterDown, { anyColumnOrder: true }), revision).toEqual(comparable(r.a, { anyColumnOrder: true }));
        expect(diffSnapshots(afterDown, r.a).changes).toEqual([]);
      }, 60_000);
    }
  });
});
