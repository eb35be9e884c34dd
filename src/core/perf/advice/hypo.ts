import type { Connection, Session } from '../../db/connection.js';
import type { SchemaSnapshot } from '../../introspect/types.js';
import { quoteIdent, quoteQName, quoteLiteral } from '../../sql/ident.js';
import type { IndexAdvice } from '../types.js';
import { alreadyIndexed, createIndexSql, mergeAdvice, type AdviceCandidate } from './candidates.js';
import { explainCost, type PlanFacts } from './plan-cost.js';

export interface AdviceThresholds {
  /** queries whose plan costs less are left alone (Dexter: 100) */
  minCost: number;
  /** the share of the cost an index must save (Dexter: 50 %) */
  minSavings: number;
  /** candidate columns per table for the two-column pass */
  maxColumnsPerTable: number;
}

export const DEFAULT_ADVICE: AdviceThresholds = { minCost: 100, minSavings: 0.5, maxColumnsPerTable: 8 };

interface Hypo {
  table: string;
  columns: string[];
}

/** Whether HypoPG can be used on this connection: installed in the database (not only available). */
export async function hypopgStatus(conn: Connection): Promise<'used' | 'not installed' | 'not available'> {
  if (conn.server.flavor === 'pglite') return 'not available';
  const r = await conn.query<{ installed: boolean; available: boolean }>(`SELECT EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'hypopg') AS installed,
    EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'hypopg') AS available`);
  const row = r.rows[0];
  return row?.installed ? 'used' : row?.available ? 'not installed' : 'not available';
}

/** EXPLAIN in a savepoint: a statement that no longer plans (a dropped column) must not end the run. */
async function tryCost(s: Session, c: AdviceCandidate, versionNum: number): Promise<PlanFacts | undefined> {
  await s.query('SAVEPOINT tw_advice');
  try {
    const f = await explainCost(s, c.sql, c.shape.params, versionNum);
    await s.query('RELEASE SAVEPOINT tw_advice');
    return f;
  } catch {
    await s.query('ROLLBACK TO SAVEPOINT tw_advice');
    return undefined;
  }
}

async function createHypo(s: Session, set: Hypo[]): Promise<Map<string, Hypo>> {
  const byName = new Map<string, Hypo>();
  for (const h of set) {
    const dot = h.table.indexOf('.');
    const ddl = `CREATE INDEX ON ${quoteQName(h.table.slice(0, dot), h.table.slice(dot + 1))} (${h.columns.map(quoteIdent).join(', ')})`;
    const r = await s.query<{ indexname: string }>(`SELECT indexname FROM hypopg_create_index(${quoteLiteral(ddl)})`);
    const name = r.rows[0]?.indexname;
    if (name) byName.set(name, h);
  }
  return byName;
}

const usedHypo = (f: PlanFacts | undefined, set: Map<string, Hypo>): Hypo[] => [...new Set(f?.indexes ?? [])].map((n) => set.get(n)).filter((h): h is Hypo => !!h);

/**
 * Dexter's method with HypoPG: the generic-plan cost of each statement, then again with a
 * hypothetical single-column index on every candidate column, then with every two-column
 * permutation per table; an index is advised when it cuts the cost by `minSavings`. Nothing is
 * created: hypothetical indexes live in this session only and are reset at the end.
 */
export async function hypoAdvice(conn: Connection, candidates: AdviceCandidate[], snap: SchemaSnapshot, t: AdviceThresholds = DEFAULT_ADVICE): Promise<IndexAdvice[]> {
  if (!candidates.length) return [];
  const version = conn.server.versionNum;
  return conn.withSession(async (s) => {
    await s.query('BEGIN READ ONLY');
    try {
      await s.query(`SET LOCAL statement_timeout = '10s'`);
      await s.query('SELECT hypopg_reset()');
      const initial = new Map<AdviceCandidate, PlanFacts>();
      for (const c of candidates) {
        const f = await tryCost(s, c, version);
        if (f && f.totalCost >= t.minCost) initial.set(c, f);
      }
      const kept = [...initial.keys()];
      if (!kept.length) return [];
      const perTable = new Map<string, string[]>();
      for (const c of kept) {
        for (const [table, cols] of c.columns) {
          const list = perTable.get(table) ?? [];
          for (const u of cols) if (!list.includes(u.column) && list.length < t.maxColumnsPerTable) list.push(u.column);
          perTable.set(table, list);
        }
      }
      const singles = await createHypo(s, [...perTable].flatMap(([table, cols]) => cols.map((c) => ({ table, columns: [c] }))));
      const pass1 = new Map<AdviceCandidate, PlanFacts | undefined>();
      for (const c of kept) pass1.set(c, await tryCost(s, c, version));
      await s.query('SELECT hypopg_reset()');
      const pairs = [...perTable].flatMap(([table, cols]) => cols.flatMap((a) => cols.filter((b) => b !== a).map((b) => ({ table, columns: [a, b] }))));
      const doubles = await createHypo(s, pairs);
      const out: IndexAdvice[] = [];
      for (const c of kept) {
        const before = initial.get(c)!.totalCost;
        const f1 = pass1.get(c);
        const f2 = await tryCost(s, c, version);
        const used2 = usedHypo(f2, doubles);
        let chosen: Hypo[] = [];
        let after = before;
        if (f1 && f1.totalCost < before * (1 - t.minSavings)) {
          chosen = usedHypo(f1, singles);
          after = f1.totalCost;
        }
        const base = f1?.totalCost ?? before;
        if (f2 && used2.length === 1 && base > t.minCost && f2.totalCost < base * (1 - t.minSavings) && f2.totalCost < before * (1 - t.minSavings)) {
          chosen = used2;
          after = f2.totalCost;
        }
        for (const h of chosen) {
          if (alreadyIndexed(snap, h.table, h.columns)) continue;
          out.push({
            table: h.table, columns: h.columns, sql: createIndexSql(h.table, h.columns), verified: true,
            costBefore: round(before), costAfter: round(after), queries: [c.group.fingerprint],
            reason: `HypoPG: the planner's cost for ${short(c.group.query)} falls from ${round(before)} to ${round(after)} with this index`,
          });
        }
      }
      return mergeAdvice(out);
    } finally {
      await s.query('ROLLBACK').catch(() => {});
      await s.query('SELECT hypopg_reset()').catch(() => {});
    }
  });
}

const round = (n: number): number => Math.round(n * 100) / 100;
const short = (q: string): string => (q.length > 80 ? `${q.slice(0, 77)}…` : q);
