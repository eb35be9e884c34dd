import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

const LIMIT = 2 ** 31;

export const HL02: Rule = {
  id: 'HL02', name: 'xid-wraparound', category: 'health', severity: 'error', needs: ['stats'],
  why: 'When a table\'s oldest unfrozen transaction id gets near 2^31, PostgreSQL stops accepting writes to protect data until it is vacuumed.',
  defaults: { warnLeft: 1_500_000_000, errorLeft: 10_000_000 },
  check: (ctx) => ctx.each(tables(ctx.snapshot, { partitions: true }), (t) => t.qname, (t) => {
    const age = ctx.stats!.tables[t.qname]?.xidAge;
    if (age === undefined) return undefined;
    const left = LIMIT - age;
    if (left >= (ctx.options.warnLeft as number)) return undefined;
    return {
      target: at(t),
      severity: left < (ctx.options.errorLeft as number) ? undefined : 'warning',
      message: `${t.qname} has ${left.toLocaleString('en-US')} transaction ids left before wraparound protection`,
      fix: { sql: `VACUUM (FREEZE, VERBOSE) ${sqlName(t)};` },
    };
  }),
};
