import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alembicStatus } from '../../src/core/migrations/index.js';
import type { Connection } from '../../src/core/db/connection.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

const TWO_HEADS = 'test/fixtures/migrations/alembic-two-heads/versions';
const MESSY = 'test/fixtures/migrations/alembic-messy/versions';

describe('migrations status: the revision graph from the files', () => {
  it('finds two heads, the branch point and the empty downgrade', async () => {
    const s = await alembicStatus(TWO_HEADS);
    expect(s.revisions.map((r) => r.revision)).toEqual(['a1000001', 'b2000002', 'c3000003', 'd4000004']);
    expect(s.heads.sort()).toEqual(['c3000003', 'd4000004']);
    expect(s.bases).toEqual(['a1000001']);
    expect(s.branchPoints).toEqual([{ revision: 'b2000002', children: ['c3000003', 'd4000004'] }]);
    expect(s.revisions.filter((r) => r.downgrade !== 'ok').map((r) => [r.revision, r.downgrade])).toEqual([['c3000003', 'empty']]);
    expect(s.problems).toEqual([]);
    expect(s.missingTargets).toEqual([]);
  });
  it('finds merges, duplicate ids, missing down_revision targets, missing downgrade() and non-revision files', async () => {
    const s = await alembicStatus(MESSY);
    expect(s.merges).toEqual([{ revision: 'd4', parents: ['b2', 'c3'] }]);
    expect(s.duplicates.map((d) => [d.revision, d.paths.length])).toEqual([['d4', 2]]);
    expect(s.missingTargets.map((m) => [m.revision, m.target])).toEqual([['e5', 'zz9']]);
    expect(s.revisions.filter((r) => r.downgrade !== 'ok').map((r) => [r.revision, r.downgrade])).toEqual([['d4', 'empty'], ['e5', 'missing']]);
    expect(s.problems.map((p) => p.path.split('/').pop())).toEqual(['helpers.py']);
    expect(s.heads.sort()).toEqual(['d4', 'e5']);
  });
  it('a directory that does not exist is one clear error', async () => {
    await expect(alembicStatus('test/fixtures/migrations/nope')).rejects.toThrow(/not a directory; give the Alembic versions directory/);
  });
});

describeServer('migrations status against a database', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  beforeAll(async () => {
    scratch = await scratchDatabase('tw_alembic');
    conn = await scratch.open({ write: true });
  }, 120_000);
  afterAll(() => scratch.drop());

  it('with no alembic_version table every revision is pending, in upgrade order', async () => {
    const s = await alembicStatus(TWO_HEADS, conn);
    expect(s.database).toEqual({ hasVersionTable: false, current: [], unknownCurrent: [], pending: ['a1000001', 'b2000002', 'c3000003', 'd4000004'] });
  });
  it('reads alembic_version and lists what is not applied', async () => {
    await conn.exec("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('c3000003')");
    const s = await alembicStatus(TWO_HEADS, conn);
    expect(s.database).toMatchObject({ hasVersionTable: true, current: ['c3000003'], pending: ['d4000004'], unknownCurrent: [] });
    await conn.exec("UPDATE alembic_version SET version_num = 'ffff0000'");
    const t = await alembicStatus(TWO_HEADS, conn);
    expect(t.database!.unknownCurrent).toEqual(['ffff0000']);
  });
});
