import { deriveMetrics } from './metrics.js';
import { nodeLabel } from './label.js';
import { BUFFER_KEYS, type Buffers, type PlanNode, type PlanTree, type RawNode, type RawPlan } from './types.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const SUBPLAN_RELATIONS = new Set(['InitPlan', 'SubPlan']);

function buffersOf(n: RawNode): Buffers {
  const b: Buffers = {};
  for (const k of BUFFER_KEYS) {
    const v = num(n[k]);
    if (v !== undefined) b[k] = v;
  }
  return b;
}

/** One PlanTree from a parsed JSON or text plan: nodes in pre-order with every derived metric. */
export function buildTree(raw: RawPlan): PlanTree {
  const nodes: PlanNode[] = [];
  const notes: string[] = [];
  const visit = (n: RawNode, parent: PlanNode | null, depth: number, workers: number): PlanNode => {
    const subplanName = str(n['Subplan Name']);
    const rel = str(n['Parent Relationship']);
    // workers are pushed down from a Gather, but never into InitPlan/SubPlan/CTE subtrees
    const w = subplanName || (rel && SUBPLAN_RELATIONS.has(rel)) ? 0 : workers;
    const node: PlanNode = {
      id: nodes.length + 1, parentId: parent?.id ?? null, depth, raw: n, nodeType: n['Node Type'], label: nodeLabel(n),
      relation: str(n['Relation Name']), schema: str(n.Schema), alias: str(n.Alias), index: str(n['Index Name']),
      parentRelationship: rel, subplanName, children: [], workers: w,
      analyzed: num(n['Actual Loops']) !== undefined || num(n['Actual Rows']) !== undefined,
      neverExecuted: num(n['Actual Loops']) === 0,
      loops: num(n['Actual Loops']) ?? 0, actualRows: num(n['Actual Rows']) ?? 0, planRows: num(n['Plan Rows']) ?? 0,
      actualRowsTotal: 0, planRowsTotal: 0, inclusiveMs: 0, exclusiveMs: 0, startupMs: 0, timeShare: 0,
      totalCost: num(n['Total Cost']) ?? 0, exclusiveCost: 0, estFactor: 1, estDirection: 'exact',
      // every field present from the start: one object shape for all nodes keeps 5,000-node plans fast
      removedByFilterTotal: undefined, removedByJoinFilterTotal: undefined, removedByRecheckTotal: undefined, removedShare: undefined, heapFetchShare: undefined,
      buffers: buffersOf(n), exclusiveBuffers: {}, approximate: false,
    };
    nodes.push(node);
    const isGather = n['Node Type'] === 'Gather' || n['Node Type'] === 'Gather Merge';
    const below = isGather ? (num(n['Workers Launched']) ?? num(n['Workers Planned']) ?? 0) : w;
    for (const c of n.Plans ?? []) node.children.push(visit(c, node, depth + 1, below));
    return node;
  };
  const root = visit(raw.Plan, null, 0, 0);
  const analyzed = nodes.some((n) => n.analyzed);
  const triggers = (Array.isArray(raw.Triggers) ? raw.Triggers : []).map((t) => ({
    name: String(t['Trigger Name'] ?? '?'), relation: str(t.Relation), constraint: str(t['Constraint Name']), timeMs: num(t.Time) ?? 0, calls: num(t.Calls) ?? 0,
  }));
  const jitTotal = raw.JIT?.Timing?.Total;
  const tree: PlanTree = {
    root, nodes, analyzed, triggers, notes, raw,
    executionTimeMs: num(raw['Execution Time']),
    planningTimeMs: num(raw['Planning Time']),
    jitMs: typeof jitTotal === 'number' ? jitTotal : undefined,
    settings: raw.Settings && typeof raw.Settings === 'object' ? Object.fromEntries(Object.entries(raw.Settings).map(([k, v]) => [k, String(v)])) : {},
    queryId: raw['Query Identifier'] !== undefined ? String(raw['Query Identifier']) : undefined,
    maxTotalCost: Math.max(0, ...nodes.map((n) => n.totalCost)),
  };
  if (analyzed && nodes.some((n) => n.analyzed && !n.neverExecuted && num(n.raw['Actual Total Time']) === undefined)) notes.push('no Actual Total Time (TIMING OFF or another tool): times are unknown, rows and loops are exact');
  if (analyzed && tree.executionTimeMs === undefined) notes.push('no Execution Time in the plan: shares are of the root node\'s time');
  deriveMetrics(tree);
  return tree;
}
