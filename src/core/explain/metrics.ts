import { BUFFER_KEYS, type PlanNode, type PlanTree } from './types.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Estimate factor and direction on per-loop rows (explain.md §2): ∞ when one side is 0. */
export function estimate(actual: number, planned: number): { factor: number; direction: 'under' | 'over' | 'exact' } {
  if (actual === planned) return { factor: 1, direction: 'exact' };
  const factor = actual > planned ? (planned === 0 ? Infinity : actual / planned) : actual === 0 ? Infinity : planned / actual;
  return { factor, direction: actual > planned ? 'under' : 'over' };
}

const isInitPlan = (n: PlanNode) => n.parentRelationship === 'InitPlan';
const isCte = (n: PlanNode) => !!n.subplanName?.startsWith('CTE ');

// expression fields that can mention an InitPlan's parameter; Output is left out because every
// ancestor repeats what a consumer outputs
const CONDITION_KEYS = ['Filter', 'Index Cond', 'Recheck Cond', 'Join Filter', 'Hash Cond', 'Merge Cond', 'One-Time Filter', 'TID Cond', 'Sort Key', 'Group Key'];

function mentions(n: PlanNode, needles: RegExp[]): boolean {
  for (const k of CONDITION_KEYS) {
    const v = n.raw[k];
    const texts = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    if (texts.some((t) => needles.some((re) => re.test(t)))) return true;
  }
  return false;
}

function subtreeIds(n: PlanNode, into = new Set<number>()): Set<number> {
  into.add(n.id);
  for (const c of n.children) subtreeIds(c, into);
  return into;
}

/** Fills the derived fields of every node, exactly as explain.md §2 defines them. */
export function deriveMetrics(tree: PlanTree): void {
  const { nodes } = tree;
  for (const n of nodes) {
    const t = num(n.raw['Actual Total Time']) ?? 0;
    const st = num(n.raw['Actual Startup Time']) ?? 0;
    n.inclusiveMs = (t * n.loops) / (n.workers + 1);
    n.startupMs = (st * n.loops) / (n.workers + 1);
    n.actualRowsTotal = n.actualRows * n.loops;
    n.planRowsTotal = n.planRows * Math.max(1, n.loops);
    n.approximate = n.loops > 1;
    if (n.analyzed && !n.neverExecuted) {
      const e = estimate(n.actualRows, n.planRows);
      n.estFactor = e.factor;
      n.estDirection = e.direction;
    }
    const times = (k: string) => (num(n.raw[k]) !== undefined ? num(n.raw[k])! * Math.max(1, n.loops) : undefined);
    n.removedByFilterTotal = times('Rows Removed by Filter');
    n.removedByJoinFilterTotal = times('Rows Removed by Join Filter');
    n.removedByRecheckTotal = times('Rows Removed by Index Recheck');
    const removed = (n.removedByFilterTotal ?? 0) + (n.removedByJoinFilterTotal ?? 0);
    if (n.removedByFilterTotal !== undefined || n.removedByJoinFilterTotal !== undefined) n.removedShare = removed + n.actualRowsTotal > 0 ? removed / (removed + n.actualRowsTotal) : 0;
    // Heap Fetches is a total over loops already
    const fetches = num(n.raw['Heap Fetches']);
    if (fetches !== undefined) {
      const visited = n.actualRowsTotal + removed;
      n.heapFetchShare = visited > 0 ? fetches / visited : fetches > 0 ? 1 : 0;
    }
  }
  for (const n of nodes) {
    let excl = n.inclusiveMs;
    let cost = n.totalCost;
    for (const c of n.children) {
      if (!isInitPlan(c) || n.nodeType === 'Result') excl -= c.inclusiveMs;
      cost -= c.totalCost;
    }
    n.exclusiveMs = excl;
    n.exclusiveCost = Math.max(0, cost);
    const kids = n.children.filter((c) => !c.subplanName);
    for (const k of BUFFER_KEYS) {
      const own = n.buffers[k];
      if (own === undefined) continue;
      let sum = 0;
      for (const c of kids) sum += c.buffers[k] ?? 0;
      n.exclusiveBuffers[k] = Math.max(0, own - sum);
    }
  }
  // CTE correction: a CTE's time is counted again in the scans reading it, share it out by their time
  for (const cte of nodes.filter(isCte)) {
    const name = cte.subplanName!.slice(4);
    const scans = nodes.filter((n) => n.nodeType === 'CTE Scan' && n.raw['CTE Name'] === name);
    const total = scans.reduce((s, n) => s + n.inclusiveMs, 0);
    if (total > 0) for (const s of scans) s.exclusiveMs -= cte.inclusiveMs * (s.inclusiveMs / total);
  }
  // InitPlan-consumer correction: the node reading $k (PG ≤16) or (InitPlan N) (PG17+) paid for it
  for (const ip of nodes.filter((n) => isInitPlan(n) && !isCte(n) && n.subplanName)) {
    const m = /^InitPlan (\d+)(?: \(returns (.+)\))?/.exec(ip.subplanName!);
    if (!m) continue;
    const params = (m[2] ?? '').split(',').map((p) => p.trim()).filter((p) => /^\$\d+$/.test(p));
    const needles = [new RegExp(`\\(InitPlan ${m[1]}\\)`), ...params.map((p) => new RegExp(`\\${p}(?!\\d)`))];
    const own = subtreeIds(ip);
    for (const n of nodes) if (!own.has(n.id) && mentions(n, needles)) n.exclusiveMs -= ip.inclusiveMs;
  }
  const total = tree.executionTimeMs ?? tree.root.inclusiveMs;
  let sumExcl = 0;
  for (const n of nodes) {
    n.exclusiveMs = Math.max(0, n.exclusiveMs);
    n.timeShare = total > 0 ? n.exclusiveMs / total : 0;
    sumExcl += n.exclusiveMs;
  }
  if (tree.analyzed && tree.executionTimeMs !== undefined) {
    const triggers = tree.triggers.reduce((s, t) => s + t.timeMs, 0);
    tree.overheadMs = Math.max(0, tree.executionTimeMs - sumExcl - triggers - (tree.jitMs ?? 0));
  }
}
