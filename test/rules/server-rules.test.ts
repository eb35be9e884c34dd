import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { lintDatabase } from '../../src/core/rules/index.js';
import { describeServer, scratchDatabase } from '../helpers/server.js';

describeServer('rules that need a server (statistics, activity, extensions)', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let conn: Connection;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    conn = await scratch.open({ write: true });
    await conn.exec(`
      CREATE SCHEMA extensions;
      CREATE EXTENSION pg_trgm WITH SCHEMA public;
      CREATE TABLE big (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k int NOT NULL, v text,
                        created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX big_v_idx ON big (v);
      INSERT INTO big (k, v) SELECT i % 1000, 'v' || i FROM generate_series(1, 20000) i;
      ANALYZE big;`);
    // 150 sequential scans and no index scans: a table read without its index
    for (let i = 0; i < 150; i++) await conn.query('SELECT count(*) FROM big WHERE k = $1', [i]);
    await conn.exec(`DELETE FROM big WHERE id % 2 = 0; UPDATE big SET k = k + 1 WHERE id % 3 = 0`);
    await conn.query('SELECT pg_stat_force_next_flush()').catch(() => {});
    await new Promise((r) => setTimeout(r, 1200));
  }, 120_000);
  afterAll(() => scratch.drop());

  it('finds a seq-scan-heavy table, dead rows and stale statistics from the real counters', async () => {
    const r = await lintDatabase(conn, { only: ['IX12', 'HL04', 'HL10'] });
    const by = (id: string) => r.findings.find((f) => f.ruleId === id)?.message;
    expect(by('IX12')).toMatch(/public\.big: only 0\.0 % of 15\d scans used an index/);
    expect(by('HL04')).toMatch(/public\.big has 13333 dead rows against 10000 live ones/);
    expect(by('HL10')).toMatch(/public\.big changed \d+ rows since it was last analyzed/);
  });
  it('finds an extension installed in public', async () => {
    const r = await lintDatabase(conn, { only: ['SC07'] });
    expect(r.findings.map((f) => f.message)).toEqual(['extension pg_trgm is installed in schema public']);
    expect(r.findings[0]!.fix!.sql).toContain('ALTER EXTENSION pg_trgm SET SCHEMA extensions;');
  });
  it('reads activity on a server, so the activity rules run', async () => {
    const r = await lintDatabase(conn, { only: ['HL05', 'HL08', 'HL09'] });
    expect(r.notRun).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});
