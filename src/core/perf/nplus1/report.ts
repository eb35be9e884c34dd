import type { SchemaSnapshot } from '../../introspect/types.js';
import { queryShape, tableOf } from '../query-shape.js';
import type { NPlusOne } from '../types.js';
import type { Burst } from './detect.js';

interface Pair {
  first: Burst;
  bursts: number;
  executions: number;
  maxBurst: number;
  totalMs: number;
}

const SESSION_START = '(start of the session)';

/** Groups bursts by (triggering statement, repeated statement), biggest total first. */
export class NPlusOneCollector {
  private readonly pairs = new Map<string, Pair>();

  add(b: Burst): void {
    const key = `${b.source?.key ?? ''}\u0001${b.repeated.key}`;
    const p = this.pairs.get(key);
    if (!p) {
      this.pairs.set(key, { first: b, bursts: 1, executions: b.executions, maxBurst: b.executions, totalMs: b.totalMs });
      return;
    }
    p.bursts++;
    p.executions += b.executions;
    p.maxBurst = Math.max(p.maxBurst, b.executions);
    p.totalMs += b.totalMs;
  }

  result(snapshot?: SchemaSnapshot): NPlusOne[] {
    return [...this.pairs.values()]
      .sort((a, b) => b.totalMs - a.totalMs || b.executions - a.executions)
      .map((p) => ({
        fingerprint: p.first.repeated.fingerprint,
        query: p.first.repeated.query,
        executions: p.executions,
        bursts: p.bursts,
        maxBurst: p.maxBurst,
        totalMs: round(p.totalMs),
        session: p.first.session,
        after: p.first.source?.query ?? SESSION_START,
        afterFingerprint: p.first.source?.fingerprint ?? '',
        exampleParams: p.first.params,
        fix: nPlusOneFix(p.first.repeated.query, p.first.source?.query, snapshot),
      }));
  }
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

const pascal = (s: string): string => s.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()).replace(/s$/, '');

/**
 * How to load the repeated rows at once: `= ANY($1)` or a JOIN in SQL, and SQLAlchemy's eager
 * loading on the relationship the foreign key implies (`selectinload` for collections, `joinedload`
 * for a many-to-one).
 */
export function nPlusOneFix(repeated: string, source: string | undefined, snapshot?: SchemaSnapshot): string {
  const shape = queryShape(repeated);
  const eq = shape?.columns.find((c) => c.role === 'filter' && c.kind === 'eq' && c.withValue);
  const table = shape && eq ? tableOf(shape, eq) : undefined;
  if (!shape || !eq || !table || shape.tables.length !== 1) {
    return 'run the repeated statement once for all rows of the query before it (WHERE key = ANY($1) or a JOIN); with an ORM, eager-load the relationship (SQLAlchemy: selectinload / joinedload)';
  }
  const srcTable = source ? queryShape(source)?.tables[0]?.name : undefined;
  const fk = findForeignKey(snapshot, table.name, eq.column);
  // the repeated table points at the source's rows: a collection (one-to-many) on the source's class
  const manyToOne = fk === undefined && srcTable !== undefined && eq.column === 'id';
  const sql = `SELECT … FROM ${table.name} WHERE ${eq.column} = ANY($1) — one statement with all the ${eq.column} values${srcTable ? ` from the ${srcTable} query` : ''}, or JOIN ${table.name} into it`;
  if (manyToOne && srcTable) {
    return `${sql}; SQLAlchemy: .options(joinedload(${pascal(srcTable)}.${table.name.replace(/s$/, '')})) (many-to-one) or selectinload`;
  }
  const parent = fk ?? srcTable;
  const rel = parent ? `${pascal(parent)}.${table.name}` : `<Parent>.${table.name}`;
  return `${sql}; SQLAlchemy: .options(selectinload(${rel})) on the query that loads ${parent ?? 'the parent rows'} (one extra SELECT … IN for all of them), or joinedload(${rel})`;
}

/** The table a column's foreign key points to, if the snapshot knows it. */
function findForeignKey(snapshot: SchemaSnapshot | undefined, table: string, column: string): string | undefined {
  if (!snapshot) return undefined;
  for (const s of Object.values(snapshot.schemas)) {
    const t = s.tables[table];
    const fk = t?.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === column);
    if (fk) return fk.references.table.split('.').pop();
  }
  return undefined;
}
