import { UserError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { listOption } from '../option-values.js';
import { connectionGiven } from './check-migration.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `--since 2h` (s, m, h, d, w) or an ISO timestamp → epoch ms. */
export function sinceOption(v: unknown, now = Date.now()): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)$/.exec(s);
  if (m) return now - Number(m[1]) * UNITS[m[2]!]!;
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /^\d{4}-\d\d-\d\d/.test(s)) return t;
  throw new UserError(`--since ${s}: give a duration such as 30m, 2h or 7d, or a timestamp such as 2026-11-23T12:00:00Z`);
}

function numberOption(flag: string, v: unknown, o: { min?: number; integer?: boolean } = {}): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || (o.integer && !Number.isInteger(n)) || n < (o.min ?? 0)) {
    throw new UserError(`${flag} ${v}: give a ${o.integer ? 'whole ' : ''}number${o.min ? ` of at least ${o.min}` : ''}`);
  }
  return n;
}

const FORMATS = ['text', 'json', 'markdown'] as const;
const ORDERS = ['total', 'mean', 'calls', 'rows', 'reads'] as const;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'performance report: top statements (pg_stat_statements, server logs), N+1 bursts, index advice (HypoPG), health and fixes',
  usage: 'tablewright analyze [--log FILE]… [--since DURATION] [--format text|json|markdown] [--indexes] [--top N] [--order total|mean|calls|rows|reads] [--slow-ms MS] [--n1-min-executions N] [--n1-min-ms MS] [--n1-max-gap-ms MS] [--min-cost N] [--min-savings PCT] [--schema S]… (with only --log, connects only with --url/--service/--db/--demo or DATABASE_URL)',
  options: {
    log: { type: 'string', multiple: true },
    since: { type: 'string' },
    format: { type: 'string' },
    indexes: { type: 'boolean' },
    top: { type: 'string' },
    order: { type: 'string' },
    'slow-ms': { type: 'string' },
    'n1-min-executions': { type: 'string' },
    'n1-min-ms': { type: 'string' },
    'n1-max-gap-ms': { type: 'string' },
    'min-cost': { type: 'string' },
    'min-savings': { type: 'string' },
    schema: { type: 'string', multiple: true },
  },
  connects: true,
  async run(ctx) {
    const v = ctx.values;
    const format = (v.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UserError(`--format ${format}: use text, json or markdown`);
    const logs = listOption(v.log);
    const order = (v.order as string | undefined) ?? 'total';
    if (!ORDERS.includes(order as (typeof ORDERS)[number])) throw new UserError(`--order ${order}: use ${ORDERS.join(', ')} (which pg_stat_statements entries to read: the top by that measure)`);
    const savings = numberOption('--min-savings', v['min-savings']);
    if (savings !== undefined && (savings <= 0 || savings >= 100)) throw new UserError(`--min-savings ${savings}: give a percentage between 0 and 100 (default 50)`);
    const options = {
      logs,
      since: sinceOption(v.since),
      top: numberOption('--top', v.top, { min: 1, integer: true }),
      order: order as (typeof ORDERS)[number],
      slowMs: numberOption('--slow-ms', v['slow-ms']),
      schemas: listOption(v.schema),
      indexesOnly: !!v.indexes,
      nPlusOne: {
        ...(v['n1-min-executions'] !== undefined ? { minExecutions: numberOption('--n1-min-executions', v['n1-min-executions'], { min: 2, integer: true }) } : {}),
        ...(v['n1-min-ms'] !== undefined ? { minTotalMs: numberOption('--n1-min-ms', v['n1-min-ms']) } : {}),
        ...(v['n1-max-gap-ms'] !== undefined ? { maxGapMs: numberOption('--n1-max-gap-ms', v['n1-max-gap-ms']) } : {}),
      },
      advice: {
        ...(v['min-cost'] !== undefined ? { minCost: numberOption('--min-cost', v['min-cost']) } : {}),
        ...(savings !== undefined ? { minSavings: savings / 100 } : {}),
      },
    };
    if (options.schemas.length === 0) delete (options as { schemas?: string[] }).schemas;
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { analyzePerformance } = await import('../../core/perf/analyze.js');
    const { reportText, reportMarkdown, indexesSql } = await import('../../core/perf/render.js');
    const conn = logs.length && !connectionGiven(ctx) ? undefined : await ctx.connect();
    try {
      const report = await analyzePerformance(conn, options);
      const p = report.performance_analysis;
      if (format === 'json') {
        ctx.out(JSON.stringify(options.indexesOnly ? { index_advice: p.index_advice, sources: p.sources } : report, null, 2) + '\n');
      } else if (format === 'markdown') {
        ctx.out(reportMarkdown(report, { indexesOnly: options.indexesOnly }));
      } else if (options.indexesOnly) {
        for (const n of p.sources.notes) ctx.err(`note: ${n}\n`);
        ctx.out(indexesSql(p.index_advice));
      } else {
        ctx.out(reportText(report));
      }
      return 0;
    } finally {
      await conn?.close();
    }
  },
};
