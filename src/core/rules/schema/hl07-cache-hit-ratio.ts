import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const HL07: Rule = {
  id: 'HL07', name: 'cache-hit-ratio', category: 'health', severity: 'info', needs: ['stats'], cumulative: true,
  why: 'Reads that miss shared buffers go to the OS cache or disk; a low hit ratio on a busy table means memory is too small for its working set.',
  defaults: { minRatio: 0.99, minReads: 10_000 },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const s = ctx.stats!.tables[t.qname];
    const total = (s?.heapBlocksHit ?? 0) + (s?.heapBlocksRead ?? 0);
    if (!s || total < (ctx.options.minReads as number)) return undefined;
    const ratio = s.heapBlocksHit / total;
    return ratio < (ctx.options.minRatio as number) ? { target: at(t), message: `${t.qname}: only ${(ratio * 100).toFixed(1)} % of ${total} block reads hit the buffer cache` } : undefined;
  }),
};
