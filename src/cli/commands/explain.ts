import type { Command, CommandContext } from '../command.js';
import { UserError } from '../../core/errors.js';

interface Input {
  sql?: string;
  plan?: string;
  planPath?: string;
  format: string;
  analyze?: boolean;
  analyzeWrites?: boolean;
  whatIf?: boolean;
  hypo?: string[];
  timeoutMs?: number;
  stats?: boolean;
}

/** `explain analyze select …` typed at the prompt: EXPLAIN's own option words are implied already. */
export const withoutExplainOptions = (sql: string): string => sql.replace(/^\s*(?:\((?:[^()]|\([^()]*\))*\)\s*|(?:analy[sz]e|verbose|buffers)\s+)+/i, '');

/** Runs (or parses) and prints; the work is in core/explain. */
async function explain(ctx: CommandContext, i: Input): Promise<number> {
  const x = await import('../../core/explain/index.js');
  const { caretLines, errorPosition } = await import('../../commands/sql-error.js');
  let tree;
  let notes: string[] = [];
  let whatIf;
  let live: Awaited<ReturnType<typeof x.staleStatsInsights>> = [];
  if (i.plan !== undefined) {
    tree = x.parsePlan(i.plan, i.planPath ?? 'the plan');
  } else {
    const conn = await ctx.connect();
    // Ctrl+C cancels the statement on the server instead of leaving it running
    const onInt = () => {
      if (!conn.canCancel) ctx.err('the embedded database cannot cancel a running statement; it stops at statement_timeout\n');
      else void conn.cancel();
    };
    process.on('SIGINT', onInt);
    try {
      const run = await x.explainStatement(conn, i.sql!, { analyze: i.analyze, analyzeWrites: i.analyzeWrites, timeoutMs: i.timeoutMs });
      tree = run.tree;
      notes = run.notes;
      live = await x.staleStatsInsights(conn, tree, x.planInsights(tree)).catch(() => []);
      if (i.whatIf || i.hypo?.length) {
        const candidates = i.hypo?.length ? i.hypo.map(x.parseCreateIndex) : x.indexCandidates(tree, x.planInsights(tree));
        whatIf = await x.whatIfIndexes(conn, run.sql, candidates);
      }
    } catch (err) {
      if (err instanceof x.ExplainSqlError) {
        const at = err.offset !== undefined ? errorPosition({ position: String(err.offset + 1) }, err.sql) : undefined;
        throw new UserError([err.message, ...(at ? caretLines(at) : [])].join('\n'), { exitCode: 1, cause: err });
      }
      throw err;
    } finally {
      process.off('SIGINT', onInt);
      await conn.close();
    }
  }
  const insights = x.rankInsights([...x.planInsights(tree), ...live]);
  if (i.format === 'json') {
    // "stats" only when asked: scripts reading the documented shape see no new key
    const stats = i.stats ? { stats: x.statsJson(x.planStats(tree)) } : {};
    ctx.out(JSON.stringify(x.planJson(tree, insights, { notes: [...tree.notes, ...notes], ...(whatIf ? { whatIf: x.whatIfJson(whatIf) } : {}), ...stats }), null, 2) + '\n');
  } else {
    ctx.out(x.renderPlanText(tree, insights, notes) + (i.stats ? x.renderStatsText(x.planStats(tree)) : '') + (whatIf ? x.whatIfText(whatIf) : ''));
  }
  return 0;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'EXPLAIN ANALYZE safely (read-only, writes rolled back): plan tree with exclusive times, ranked insights, what-if indexes',
  usage: 'tablewright explain [SQL | --file Q.sql | --plan PLAN.json|PLAN.txt] [--no-analyze] [--analyze-writes] [--what-if] [--hypo "CREATE INDEX ..."]… [--stats] [--format text|json]',
  options: {
    file: { type: 'string', short: 'f' },
    plan: { type: 'string' },
    'no-analyze': { type: 'boolean' },
    'analyze-writes': { type: 'boolean' },
    'what-if': { type: 'boolean' },
    hypo: { type: 'string', multiple: true },
    format: { type: 'string' },
    stats: { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    const { readFileSync } = await import('node:fs');
    const v = ctx.values;
    const format = (v.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UserError(`invalid --format "${format}"; use text or json`);
    const sources = [ctx.positionals.length ? 'SQL' : '', v.file ? '--file' : '', v.plan ? '--plan' : ''].filter(Boolean);
    if (sources.length > 1) throw new UserError(`give one of SQL, --file or --plan, not ${sources.join(' and ')}`);
    if (!sources.length) throw new UserError('nothing to explain: give a statement in quotes, --file Q.sql, or --plan PLAN.json; see tablewright explain --help');
    const read = (path: string, what: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (err) {
        throw new UserError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
    };
    if (v.plan) {
      if (v['what-if'] || v.hypo) throw new UserError('--what-if needs a statement to re-plan, not a saved plan; give SQL or --file');
      return explain(ctx, { plan: read(v.plan as string, 'the plan file'), planPath: v.plan as string, format, stats: !!v.stats });
    }
    return explain(ctx, {
      sql: v.file ? read(v.file as string, 'the SQL file') : withoutExplainOptions(ctx.positionals.join(' ')),
      format,
      analyze: !v['no-analyze'],
      analyzeWrites: !!v['analyze-writes'],
      whatIf: !!v['what-if'],
      hypo: (v.hypo as string[] | undefined) ?? [],
      timeoutMs: v['statement-timeout'] !== undefined ? Number(v['statement-timeout']) : undefined,
      stats: !!v.stats,
    });
  },
};
