import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const IX12: Rule = {
  id: 'IX12', name: 'seq-scan-heavy-table', category: 'indexing', severity: 'warning', needs: ['stats'], cumulative: true,
  why: 'A large table read mostly by sequential scans is missing an index for its common queries (see tablewright analyze for which).',
  defaults: { minRows: 10_000, minIndexShare: 0.95 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const s = ctx.stats!.tables[t.qname];
    if (!s || s.liveTuples < (ctx.options.minRows as number)) return undefined;
    const total = s.seqScans + s.idxScans;
    if (total < 100) return undefined;
    const share = s.idxScans / total;
    return share < (ctx.options.minIndexShare as number)
      ? { target: at(t), message: `${t.qname}: only ${(share * 100).toFixed(1)} % of ${total} scans used an index (${s.liveTuples} rows)` }
      : undefined;
  }),
};
