import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { checkRuleIds, inlineIgnores, lintSnapshot, parseConfig, SCHEMA_RULES, type Rule, type RuleStats } from '../../src/core/rules/index.js';
import { HL02 } from '../../src/core/rules/schema/hl02-xid-wraparound.js';
import { HL05, HL06, HL08, HL09 } from '../../src/core/rules/schema/hl-activity-rules.js';
import { HL07 } from '../../src/core/rules/schema/hl07-cache-hit-ratio.js';
import { IX04 } from '../../src/core/rules/schema/ix04-unused-index.js';
import { openEmptyEmbedded } from '../helpers/demo.js';

describe('rules engine', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let snap: SchemaSnapshot;
  beforeAll(async () => {
    ({ conn, cleanup } = await openEmptyEmbedded());
    await conn.exec(`CREATE SCHEMA eng; SET search_path = eng;
      CREATE TABLE plain (a int);
      CREATE TABLE odd (a int);
      CREATE TABLE quiet (a int); COMMENT ON TABLE quiet IS 'legacy import, keyed elsewhere. tablewright:ignore SD01';
      CREATE TABLE hushed (a int); COMMENT ON TABLE hushed IS 'tablewright:ignore';
      CREATE TABLE p (id bigint PRIMARY KEY); CREATE TABLE c (id bigint PRIMARY KEY, p_id bigint REFERENCES p);
      COMMENT ON COLUMN c.p_id IS 'rarely joined: tablewright:ignore IX01';
      RESET search_path`);
    snap = await readSnapshot(conn, { schemas: ['eng'], stats: false });
  });
  afterAll(() => cleanup());

  const sd01 = (o = {}) => lintSnapshot(snap, { only: ['SD01'], ...o }).findings.map((f) => f.target.table);

  it('a rule that throws on one object reports "rule failed on X" and still judges the others', () => {
    const flaky: Rule = {
      id: 'ZZ99', name: 'flaky', category: 'design', severity: 'info', needs: ['snapshot'], why: 'test rule that fails on one table',
      check: (ctx) => ctx.each(Object.values(ctx.snapshot.schemas.eng!.tables), (t) => `eng.${t.name}`, (t) => {
        if (t.name === 'odd') throw new Error('cannot read this one');
        return { target: { schema: 'eng', table: t.name }, message: `saw ${t.name}` };
      }),
    };
    const r = lintSnapshot(snap, { rules: [flaky, ...SCHEMA_RULES.filter((x) => x.id === 'SD01')] });
    const msgs = r.findings.map((f) => f.message);
    expect(msgs).toContain('rule failed on eng.odd: cannot read this one');
    expect(msgs).toContain('saw plain');
    expect(r.findings.filter((f) => f.ruleId === 'SD01').map((f) => f.target.table)).toContain('odd');
  });
  it('honours inline ignores in comments, for one rule or all', () => {
    expect(inlineIgnores('x tablewright:ignore IX01, SD02 y')).toEqual(['IX01', 'SD02']);
    expect(inlineIgnores('tablewright:ignore')).toEqual(['*']);
    expect(sd01()).toEqual(['odd', 'plain']);
    expect(lintSnapshot(snap, { only: ['IX01'] }).findings).toEqual([]);
  });
  it('applies config: disabled rules, severity overrides, options and per-object ignores', () => {
    const cfg = parseConfig({ rules: { SD01: 'error', SD04: { options: { max: 0 } } }, ignore: [{ rule: 'SD01', object: 'eng.plain' }] }, '.tablewright.json', SCHEMA_RULES);
    const r = lintSnapshot(snap, { config: cfg });
    const sd = r.findings.filter((f) => f.ruleId === 'SD01');
    expect(sd.map((f) => [f.target.table, f.severity])).toEqual([['odd', 'error']]);
    expect(r.findings.some((f) => f.ruleId === 'SD04' && f.target.table === 'c')).toBe(true);
    const off = parseConfig({ rules: { SD01: 'off' } }, 'x', SCHEMA_RULES);
    expect(lintSnapshot(snap, { config: off }).findings.some((f) => f.ruleId === 'SD01')).toBe(false);
  });
  it('filters by minimum severity and disables by id', () => {
    const r = lintSnapshot(snap, { minSeverity: 'warning', disable: ['SD01'] });
    expect(r.findings.every((f) => f.severity !== 'info' && f.ruleId !== 'SD01')).toBe(true);
  });
  it('reports rules whose data is missing as not run, never as passed', () => {
    const r = lintSnapshot(snap, {});
    expect(r.notRun.find((n) => n.ruleId === 'IX06')?.reason).toMatch(/needs statistics/);
    expect(r.notRun.find((n) => n.ruleId === 'HL06')?.reason).toMatch(/needs statistics/);
    const pglite: RuleStats = { cumulative: false, tables: {}, indexScans: {}, columns: {}, sequences: {}, databaseXidAge: 0 };
    const r2 = lintSnapshot(snap, { stats: pglite });
    expect(r2.notRun.find((n) => n.ruleId === 'IX04')?.reason).toMatch(/PGlite database does not keep/);
    expect(r2.notRun.find((n) => n.ruleId === 'HL05')?.reason).toMatch(/pg_stat_activity/);
    expect(r2.notRun.find((n) => n.ruleId === 'HL06')?.reason).toMatch(/pg_stat_statements/);
  });
  it('rejects bad config with one line naming the key, and unknown ids with close matches', () => {
    expect(() => parseConfig({ rulez: {} }, 'cfg.json', SCHEMA_RULES)).toThrow('cfg.json: "rulez" is not a known key; use "rules" or "ignore"');
    expect(() => parseConfig({ rules: { IX1: 'off' } }, 'cfg.json', SCHEMA_RULES)).toThrow(/"rules\.IX1" is not a rule id; did you mean IX01/);
    expect(() => parseConfig({ rules: { SD04: { options: { maximum: 3 } } } }, 'c', SCHEMA_RULES)).toThrow(/"rules\.SD04\.options\.maximum" is not an option of SD04 \(options: max\)/);
    expect(() => parseConfig({ rules: { SD04: { options: { max: 'x' } } } }, 'c', SCHEMA_RULES)).toThrow(/must be a number/);
    expect(() => parseConfig({ rules: { SD01: 'loud' } }, 'c', SCHEMA_RULES)).toThrow(/must be "off", "on" or a severity/);
    expect(() => parseConfig({ ignore: [{ rule: 'SD1', object: 'x' }] }, 'c', SCHEMA_RULES)).toThrow(/"ignore\[0\]\.rule" "SD1" is not a rule id; did you mean SD01/);
    expect(() => checkRuleIds(['IX10', 'XX01'], SCHEMA_RULES, '--rule')).toThrow(/--rule XX01: no such rule/);
  });
});

describe('statistics and activity rules on hand-built figures', () => {
  const base = { tables: {}, indexScans: {}, columns: {}, sequences: {}, databaseXidAge: 0, cumulative: true };
  const snap = {
    format: 'tablewright-snapshot/1', server: { versionNum: 150000, versionString: '', flavor: 'postgres', capabilities: {} }, fingerprint: {}, extensions: [],
    hiddenSchemas: [], unavailable: [], stale: [], definitions: 'lazy',
    schemas: { s: { name: 's', owner: 'o', acl: [], views: {}, materializedViews: {}, sequences: {}, types: {}, functions: {},
      tables: { t: { name: 't', kind: 'table', persistence: 'permanent', uniques: [], foreignKeys: [], checks: [], exclusions: [], triggers: [], policies: [], rls: { enabled: false, forced: false }, inherits: [], options: {}, owner: 'o', acl: [],
        columns: [{ name: 'a', type: 'integer', typeRef: 'pg_catalog.int4', arrayDims: 0, notNull: true }],
        indexes: [{ name: 't_a_idx', method: 'btree', unique: false, primary: false, exclusion: false, keys: [{ column: 'a', desc: false, nullsFirst: false }], include: [], nullsNotDistinct: false, valid: true, ready: true, options: {} }] } } } },
  } as unknown as SchemaSnapshot;
  const table = (xidAge: number) => ({ 's.t': { reltuples: 1, liveTuples: 1, deadTuples: 0, seqScans: 0, idxScans: 0, modsSinceAnalyze: 0, xidAge, heapBlocksRead: 0, heapBlocksHit: 0 } });

  it('HL02 warns as wraparound nears and errors close to it', () => {
    const lint = (age: number) => lintSnapshot(snap, { rules: [HL02], stats: { ...base, tables: table(age) } }).findings;
    expect(lint(100_000_000)).toEqual([]);
    expect(lint(1_000_000_000)[0]).toMatchObject({ severity: 'warning', message: 's.t has 1,147,483,648 transaction ids left before wraparound protection' });
    expect(lint(2_140_000_000)[0]!.severity).toBe('error');
  });
  it('IX04 flags an index with no scans since a reset at least a week old, and not before', () => {
    const lint = (scans: number, resetDaysAgo: number) => lintSnapshot(snap, { rules: [IX04], stats: { ...base, indexScans: { 's.t_a_idx': scans }, statsReset: new Date(Date.now() - resetDaysAgo * 86_400_000).toISOString() } }).findings;
    expect(lint(0, 30).map((f) => f.message)).toEqual(['index t_a_idx on s.t has not been used since statistics were reset (30 days)']);
    expect(lint(0, 30)[0]!.fix!.sql).toBe('DROP INDEX CONCURRENTLY s.t_a_idx;');
    expect(lint(5, 30)).toEqual([]);
    expect(lint(0, 2)).toEqual([]);
  });
  it('HL07 reports a low buffer-cache hit ratio on a busy table only', () => {
    const io = (hit: number, read: number) => ({ 's.t': { reltuples: 1, liveTuples: 1, deadTuples: 0, seqScans: 0, idxScans: 0, modsSinceAnalyze: 0, xidAge: 0, heapBlocksRead: read, heapBlocksHit: hit } });
    expect(lintSnapshot(snap, { rules: [HL07], stats: { ...base, tables: io(90_000, 10_000) } }).findings[0]!.message).toBe('s.t: only 90.0 % of 100000 block reads hit the buffer cache');
    expect(lintSnapshot(snap, { rules: [HL07], stats: { ...base, tables: io(999_000, 1_000) } }).findings).toEqual([]);
    expect(lintSnapshot(snap, { rules: [HL07], stats: { ...base, tables: io(50, 50) } }).findings).toEqual([]);
  });
  it('HL06 lists slow, frequent statements and HL09 lagging replicas and idle slots', () => {
    const statements = [{ query: 'SELECT * FROM t WHERE a = $1', calls: 500, meanMs: 42.5, totalMs: 21_250 }, { query: 'SELECT 1', calls: 5, meanMs: 99, totalMs: 495 }];
    expect(lintSnapshot(snap, { rules: [HL06], stats: { ...base, statements } }).findings.map((f) => f.message)).toEqual(['500 calls averaging 42.5 ms: SELECT * FROM t WHERE a = $1']);
    const activity = { longRunning: [], total: 3, idleInTransaction: 0, replicas: [{ name: 'replica-a', lagSeconds: 12 }, { name: 'replica-b', lagSeconds: 0.2 }], inactiveSlots: ['old_slot'] };
    expect(lintSnapshot(snap, { rules: [HL09], stats: { ...base, activity } }).findings.map((f) => f.message)).toEqual(['replication slot old_slot is inactive and retains WAL', 'replica replica-a lags 12.0 s behind']);
  });
  it('HL05 and HL08 read session activity', () => {
    const activity = { longRunning: [{ pid: 42, seconds: 125, query: 'SELECT   pg_sleep(600)' }], total: 600, idleInTransaction: 3, replicas: [], inactiveSlots: [] };
    const r = lintSnapshot(snap, { rules: [HL05, HL08], stats: { ...base, activity } }).findings;
    expect(r.map((f) => f.message)).toEqual(['query running for 125 s (pid 42): SELECT pg_sleep(600)', '600 client connections are open']);
    expect(r[0]!.fix!.sql).toBe('SELECT pg_cancel_backend(42);');
  });
});
