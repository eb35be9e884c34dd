/** One plan node, as EXPLAIN's JSON model names it; text plans are normalised to the same keys. */
export type RawNode = Record<string, unknown> & { 'Node Type': string; Plans?: RawNode[] };

/** The top-level object EXPLAIN (FORMAT JSON) prints per statement. */
export interface RawPlan {
  Plan: RawNode;
  Settings?: Record<string, string>;
  'Query Identifier'?: number | string;
  Planning?: Record<string, number>;
  'Planning Time'?: number;
  Triggers?: { 'Trigger Name': string; 'Constraint Name'?: string; Relation?: string; Time: number; Calls: number }[];
  JIT?: { Functions?: number; Timing?: Record<string, number | Record<string, number>> };
  'Execution Time'?: number;
  [key: string]: unknown;
}

export const BUFFER_KEYS = [
  'Shared Hit Blocks', 'Shared Read Blocks', 'Shared Dirtied Blocks', 'Shared Written Blocks',
  'Local Hit Blocks', 'Local Read Blocks', 'Local Dirtied Blocks', 'Local Written Blocks',
  'Temp Read Blocks', 'Temp Written Blocks',
] as const;
export type BufferKey = (typeof BUFFER_KEYS)[number];
export type Buffers = Partial<Record<BufferKey, number>>;

export type EstDirection = 'under' | 'over' | 'exact';

/** A node with the derived metrics of explain.md §2. Times are loops- and worker-corrected totals. */
export interface PlanNode {
  /** depth-first pre-order, from 1 */
  id: number;
  parentId: number | null;
  depth: number;
  raw: RawNode;
  nodeType: string;
  /** "Seq Scan on orders", "Index Scan using orders_pkey on orders c", "Hash Left Join" */
  label: string;
  relation?: string;
  schema?: string;
  alias?: string;
  index?: string;
  parentRelationship?: string;
  /** "CTE big", "InitPlan 3 (returns $2)", "SubPlan 2" */
  subplanName?: string;
  children: PlanNode[];
  /** workers launched by the nearest Gather above, 0 across InitPlan/SubPlan/CTE boundaries */
  workers: number;
  /** whether the node has Actual values (ANALYZE) */
  analyzed: boolean;
  neverExecuted: boolean;
  loops: number;
  /** per loop, as printed */
  actualRows: number;
  planRows: number;
  actualRowsTotal: number;
  planRowsTotal: number;
  inclusiveMs: number;
  exclusiveMs: number;
  startupMs: number;
  /** exclusive time ÷ execution time */
  timeShare: number;
  totalCost: number;
  exclusiveCost: number;
  /** actual vs estimated rows per loop; Infinity when one side is 0 */
  estFactor: number;
  estDirection: EstDirection;
  removedByFilterTotal?: number;
  removedByJoinFilterTotal?: number;
  removedByRecheckTotal?: number;
  /** removed ÷ (removed + kept), filter and join filter */
  removedShare?: number;
  heapFetchShare?: number;
  /** raw counters (inclusive, as EXPLAIN prints them) and exclusive ones */
  buffers: Buffers;
  exclusiveBuffers: Buffers;
  /** loop-averaged values (L > 1) are approximate: 3-decimal per-loop times */
  approximate: boolean;
}

export interface TriggerTime { name: string; relation?: string; constraint?: string; timeMs: number; calls: number }

export interface PlanTree {
  root: PlanNode;
  /** pre-order; InitPlans/SubPlans/CTEs included */
  nodes: PlanNode[];
  analyzed: boolean;
  executionTimeMs?: number;
  planningTimeMs?: number;
  jitMs?: number;
  triggers: TriggerTime[];
  settings: Record<string, string>;
  queryId?: string;
  /** Σ exclusive + triggers + JIT vs execution: the rest is executor overhead */
  overheadMs?: number;
  maxTotalCost: number;
  /** what the analysis could not do (missing fields from another tool, …) */
  notes: string[];
  raw: RawPlan;
}
