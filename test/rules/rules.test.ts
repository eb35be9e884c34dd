import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { lintSnapshot, readRuleStats, SCHEMA_RULES, type RuleStats } from '../../src/core/rules/index.js';
import { openEmptyEmbedded } from '../helpers/demo.js';
import { FIXTURES } from './fixtures.js';

const schemaOf = (id: string, kind: 'hit' | 'miss') => `fx_${id.toLowerCase()}_${kind}`;

/** The snapshot narrowed to one fixture schema, as if only it had been read. */
const only = (snap: SchemaSnapshot, schema: string): SchemaSnapshot => ({ ...snap, schemas: { [schema]: snap.schemas[schema]! } });

describe('schema rules on DDL fixtures (PGlite)', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let snap: SchemaSnapshot;
  let stats: RuleStats;

  beforeAll(async () => {
    ({ conn, cleanup } = await openEmptyEmbedded());
    await conn.exec('CREATE ROLE tw_api');
    for (const f of FIXTURES) {
      for (const kind of ['hit', 'miss'] as const) {
        const s = schemaOf(f.id, kind);
        await conn.exec(`CREATE SCHEMA ${s}; SET search_path = ${s}; ${f[kind]}; RESET search_path`);
        if (f.analyze) await conn.exec(`ANALYZE`);
      }
    }
    snap = await readSnapshot(conn, { schemas: FIXTURES.flatMap((f) => [schemaOf(f.id, 'hit'), schemaOf(f.id, 'miss')]), stats: false });
    stats = await readRuleStats(conn, Object.keys(snap.schemas));
  }, 180_000);
  afterAll(() => cleanup());

  it('covers every registered rule that needs no server, each with a fixture', () => {
    const serverOnly = ['IX04', 'IX12', 'HL02', 'HL04', 'HL05', 'HL06', 'HL07', 'HL08', 'HL09', 'HL10', 'SC07'];
    const missing = SCHEMA_RULES.map((r) => r.id).filter((id) => !serverOnly.includes(id) && !FIXTURES.some((f) => f.id === id));
    expect(missing).toEqual([]);
  });

  for (const f of FIXTURES) {
    const run = (kind: 'hit' | 'miss') => {
      const config = f.options ? { rules: { [f.id]: { enabled: true, options: f.options } }, ignore: [] } : undefined;
      return lintSnapshot(only(snap, schemaOf(f.id, kind)), { only: [f.id], stats, config });
    };
    it(`${f.id} finds the problem and names where it is`, () => {
      const r = run('hit');
      expect(r.notRun).toEqual([]);
      const msgs = r.findings.map((x) => x.message);
      expect(msgs.some((m) => f.expect.test(m)), `${f.id} messages: ${JSON.stringify(msgs)}`).toBe(true);
      for (const x of r.findings) {
        expect(x.ruleId).toBe(f.id);
        expect(x.why.length).toBeGreaterThan(20);
        expect(x.target.schema ?? x.target.object).toBeTruthy();
      }
    });
    it(`${f.id} stays quiet on the near miss`, () => {
      expect(run('miss').findings.map((x) => x.message)).toEqual([]);
    });
  }

  it('fix SQL for an FK without an index is valid and clears the finding once applied', async () => {
    const s = schemaOf('IX01', 'hit');
    const [finding] = lintSnapshot(only(snap, s), { only: ['IX01'] }).findings;
    expect(finding!.fix!.sql).toBe(`CREATE INDEX CONCURRENTLY c_p_id_idx ON ${s}.c (p_id);`);
    await conn.exec(finding!.fix!.sql!);
    const after = await readSnapshot(conn, { schemas: [s], stats: false });
    expect(lintSnapshot(after, { only: ['IX01'] }).findings).toEqual([]);
  });
});
