import type { Session } from '../../db/connection.js';

export interface PlanFacts {
  totalCost: number;
  /** every `Index Name` in the plan */
  indexes: string[];
  /** a few words per interesting node: `Seq Scan on orders`, `Sort`, … */
  summary: string[];
  plan: unknown;
}

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

function walk(n: PlanNode, visit: (n: PlanNode) => void): void {
  visit(n);
  for (const c of n.Plans ?? []) walk(c, visit);
}

export function planFacts(json: unknown): PlanFacts {
  const top = (Array.isArray(json) ? json[0] : json) as { Plan: PlanNode };
  const indexes: string[] = [];
  const summary: string[] = [];
  walk(top.Plan, (n) => {
    if (typeof n['Index Name'] === 'string') indexes.push(n['Index Name']);
    const type = String(n['Node Type']);
    if (type === 'Seq Scan') summary.push(`Seq Scan on ${n['Relation Name']}${n.Filter ? ` (filter ${n.Filter})` : ''}`);
    else if (/Index/.test(type) && n['Index Name']) summary.push(`${type} using ${n['Index Name']}`);
    else if (type === 'Sort') summary.push(`Sort by ${(n['Sort Key'] as string[] | undefined)?.join(', ') ?? '?'}`);
    else if (/Join|Nested Loop/.test(type)) summary.push(type);
  });
  return { totalCost: Number(top.Plan['Total Cost']), indexes, summary, plan: json };
}

let prepared = 0;

/**
 * The planner's estimate for a statement, never executing it: plain EXPLAIN, or a generic plan when
 * it has $n parameters (EXPLAIN GENERIC_PLAN on PG16+, else PREPARE + force_generic_plan + EXECUTE
 * with NULLs). Run it inside a transaction the caller rolls back.
 */
export async function explainCost(s: Session, sql: string, params: number, versionNum: number): Promise<PlanFacts> {
  const text = sql.trim().replace(/;+\s*$/, '');
  if (params === 0) return planFacts(firstCell(await s.query(`EXPLAIN (FORMAT JSON) ${text}`)));
  if (versionNum >= 160000) return planFacts(firstCell(await s.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${text}`)));
  const name = `tw_advice_${++prepared}`;
  await s.query(`PREPARE ${name} AS ${text}`);
  try {
    await s.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
    return planFacts(firstCell(await s.query(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${Array(params).fill('NULL').join(', ')})`)));
  } finally {
    await s.query(`DEALLOCATE ${name}`);
  }
}

function firstCell(r: { rows: Record<string, unknown>[] }): unknown {
  const v = Object.values(r.rows[0] ?? {})[0];
  return typeof v === 'string' ? JSON.parse(v) : v;
}
