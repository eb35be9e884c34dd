import type { Insight } from './insights/index.js';
import type { PlanTree } from './types.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The stable JSON of `tablewright explain --format json` (README documents it). estFactor is
 * null when infinite (no rows against an estimate, or the reverse).
 */
export function planJson(t: PlanTree, insights: Insight[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    executionTimeMs: t.executionTimeMs ?? null,
    planningTimeMs: t.planningTimeMs ?? null,
    triggers: t.triggers.map((x) => ({ name: x.name, timeMs: x.timeMs, calls: x.calls })),
    nodes: t.nodes.map((n) => ({
      id: n.id, parentId: n.parentId, nodeType: n.nodeType,
      ...(n.relation ? { relation: n.relation } : {}),
      ...(n.index ? { index: n.index } : {}),
      ...(n.subplanName ? { subplanName: n.subplanName } : {}),
      inclusiveMs: round(n.inclusiveMs), exclusiveMs: round(n.exclusiveMs), loops: n.loops,
      actualRowsTotal: n.actualRowsTotal, planRows: n.planRows,
      estFactor: Number.isFinite(n.estFactor) ? round(n.estFactor) : null, estDirection: n.estDirection,
      ...(n.removedByFilterTotal !== undefined || n.removedByJoinFilterTotal !== undefined ? { removedRowsTotal: (n.removedByFilterTotal ?? 0) + (n.removedByJoinFilterTotal ?? 0) } : {}),
      ...(n.buffers['Shared Hit Blocks'] !== undefined ? { sharedHit: n.buffers['Shared Hit Blocks'] } : {}),
      ...(n.buffers['Shared Read Blocks'] !== undefined ? { sharedRead: n.buffers['Shared Read Blocks'] } : {}),
    })),
    insights: insights.map((x) => ({ id: x.id, nodeId: x.nodeId, severity: x.severity, impactMs: round(x.impactMs), message: x.message, action: x.action, ...(x.sql ? { sql: x.sql } : {}) })),
    ...extra,
  };
}
