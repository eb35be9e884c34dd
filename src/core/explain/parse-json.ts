import { UserError } from '../errors.js';
import type { RawNode, RawPlan } from './types.js';

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * EXPLAIN (FORMAT JSON) output: the array psql prints, one statement object, or a bare node (some
 * tools export only "Plan"). Errors name the line and column, or the missing field.
 */
export function parseJsonPlan(text: string, source = 'the plan'): RawPlan {
  let v: unknown;
  // psql's aligned output of a json column wraps it in a header and `+` continuations
  const framed = /^\s*QUERY PLAN/.test(text.slice(0, 200));
  const body = framed ? text.trim().replace(/^\s*QUERY PLAN\s*\n[-─+\s]*\n/, '').replace(/\s*\+\s*$/gm, '').replace(/^\s*\(\d+ \S+\)\s*$/m, '') : text.trim();
  try {
    // the query id is a signed int64: as a JSON number it would lose its last digits
    v = JSON.parse(body.replace(/("Query Identifier"\s*:\s*)(-?\d+)/g, '$1"$2"'));
  } catch (err) {
    const m = /position (\d+)/.exec(String((err as Error).message));
    const where = m ? ` at ${lineCol(body, Number(m[1]))}` : '';
    throw new UserError(`${source} is not valid JSON${where}: ${String((err as Error).message).split('\n')[0]}`);
  }
  if (Array.isArray(v)) {
    if (!v.length) throw new UserError(`${source} is an empty JSON array; expected EXPLAIN (FORMAT JSON) output like [{"Plan": {...}}]`);
    v = v[0];
  }
  if (!v || typeof v !== 'object') throw new UserError(`${source}: expected a JSON object with a "Plan" field`);
  const o = v as Record<string, unknown>;
  const plan = (o.Plan ?? (typeof o['Node Type'] === 'string' ? o : undefined)) as RawNode | undefined;
  if (!plan || typeof plan !== 'object') throw new UserError(`${source}: no "Plan" field in the JSON; expected EXPLAIN (FORMAT JSON) output`);
  checkNodes(plan, 'Plan', source);
  return (o.Plan ? o : { Plan: plan }) as RawPlan;
}

function checkNodes(n: RawNode, path: string, source: string): void {
  if (typeof n['Node Type'] !== 'string') throw new UserError(`${source}: ${path} has no "Node Type"`);
  if (n.Plans !== undefined && !Array.isArray(n.Plans)) throw new UserError(`${source}: ${path}.Plans is not an array`);
  n.Plans?.forEach((c, i) => checkNodes(c, `${path}.Plans[${i}]`, source));
}
