import { fmtCount } from './format.js';
import type { WhatIfResult } from './what-if.js';

/** The what-if table of the CLI's text output: each trial's cost against the plan's, the best one's statement. */
export function whatIfText(w: WhatIfResult): string {
  const out = ['', `What-if indexes (${w.method === 'hypopg' ? 'HypoPG' : 'built and rolled back'}): estimated cost before ${fmtCount(Math.round(w.costBefore))}`];
  for (const t of [...w.trials].sort((a, b) => a.cost - b.cost)) {
    const cols = `${t.candidate.table} (${t.candidate.columns.join(', ')})`;
    out.push(t.error ? `  ${cols}: ${t.error}` : `  ${cols}: cost ${fmtCount(Math.round(t.cost))} (${t.cost < w.costBefore ? '−' : '+'}${Math.abs(Math.round((1 - t.cost / w.costBefore) * 100))}%)${t.used ? '' : ' — not used by the plan'}${t === w.best ? '  ← best' : ''}`);
  }
  for (const n of w.notes) out.push(`note: ${n}`);
  if (w.best) out.push('', 'Keep it with:', `  ${w.best.createSql}`);
  return out.join('\n') + '\n';
}

/** The `whatIf` member of the CLI's JSON output. */
export function whatIfJson(w: WhatIfResult): Record<string, unknown> {
  return {
    method: w.method, costBefore: w.costBefore, notes: w.notes,
    trials: w.trials.map((t) => ({ table: t.candidate.table, columns: t.candidate.columns, cost: Number.isFinite(t.cost) ? t.cost : null, used: t.used, sql: t.createSql, ...(t.error ? { error: t.error } : {}) })),
    best: w.best ? { sql: w.best.createSql, cost: w.best.cost } : null,
  };
}
