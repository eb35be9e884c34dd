import { UserError } from '../../core/errors.js';
import type { SchemaSnapshot } from '../../core/introspect/types.js';
import type { MigrationRule } from '../../core/migrations/index.js';
import type { Rule } from '../../core/rules/index.js';
import type { Command, CommandContext } from '../command.js';
import { printFindings } from '../format/print-findings.js';
import { findingsFormatOption, severityOptions } from '../option-values.js';

/** Migration rules in the shape the config loader and SARIF writer take (they never call `check`). */
export const migrationRulesAsRules = (rules: readonly MigrationRule[]): Rule[] =>
  rules.map((r) => ({ id: r.id, name: r.name, category: r.category, severity: r.severity, why: r.why, needs: [], offByDefault: r.offByDefault, defaults: r.defaults, check: () => [] }));

/**
 * A database is used only when one is named: the common default (the embedded demo) says nothing
 * about the database the migrations will run on.
 */
export const connectionGiven = (ctx: CommandContext): boolean =>
  !!(ctx.values.url || ctx.values.service || ctx.values.db || ctx.values.demo || ctx.env.DATABASE_URL);

function pgVersionOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(String(v).split('.')[0]);
  if (!/^\d+(\.\d+)?$/.test(String(v)) || n < 9 || n > 30) throw new UserError(`--pg-version ${v}: give a PostgreSQL major version such as 15`);
  return n;
}

export const checkMigrationCommand: Command = {
  name: 'check-migration',
  summary: 'migration safety for .sql and Alembic .py files: locks, rewrites, breaking changes, each with the safe multi-step alternative',
  usage: 'tablewright check-migration FILE|DIR… [--pg-version N] [--assume-in-transaction] [--format text|json|sarif] [--fail-on SEVERITY] [--min-severity SEVERITY] [--config FILE] [--list-rules] (connects only with --url/--service/--db/--demo or DATABASE_URL)',
  options: {
    'pg-version': { type: 'string' },
    'assume-in-transaction': { type: 'boolean' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    'min-severity': { type: 'string' },
    config: { type: 'string' },
    'list-rules': { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { checkMigrationFiles, DEFAULT_PG_VERSION, MIGRATION_RULES } = await import('../../core/migrations/index.js');
    const { emptyConfig, findConfigFile, loadConfig } = await import('../../core/rules/config.js');
    const { severityRank } = await import('../../core/rules/types.js');
    const v = ctx.values;
    const format = findingsFormatOption(v.format);
    const { minSeverity, failOn } = severityOptions(v);
    const asRules = migrationRulesAsRules(MIGRATION_RULES);
    if (v['list-rules']) {
      ctx.out(MIGRATION_RULES.map((r) => `${r.id.padEnd(14)} ${r.severity.padEnd(7)} ${r.name}${r.offByDefault ? ' (off by default)' : ''}`).join('\n') + '\n');
      return 0;
    }
    if (!ctx.positionals.length) throw new UserError('check-migration needs at least one FILE or DIR; see tablewright check-migration --help');
    let pgVersion = pgVersionOption(v['pg-version']);
    const configPath = (v.config as string | undefined) ?? findConfigFile(process.cwd());
    // the config file is shared with `lint`, so it may name schema rules too; those load only then
    const config = configPath ? loadConfig(configPath, [...(await import('../../core/rules/registry.js')).SCHEMA_RULES, ...asRules]) : emptyConfig();
    let snapshot: SchemaSnapshot | undefined;
    if (connectionGiven(ctx)) {
      const conn = await ctx.connect();
      try {
        pgVersion ??= Math.floor(conn.server.versionNum / 10000);
        try {
          const { readSnapshot } = await import('../../core/introspect/index.js');
          snapshot = await readSnapshot(conn, { stats: true });
        } catch (err) {
          ctx.err(`tablewright: could not read the schema (${String((err as Error).message).split('\n')[0]}); checking without it\n`);
        }
      } finally {
        await conn.close();
      }
    }
    const result = await checkMigrationFiles(ctx.positionals, { pgVersion: pgVersion ?? DEFAULT_PG_VERSION, assumeInTransaction: !!v['assume-in-transaction'], snapshot, config });
    for (const s of result.skipped) ctx.err(`tablewright: skipped ${s.path}: ${s.reason}\n`);
    const shown = { ...result, findings: minSeverity ? result.findings.filter((f) => severityRank(f.severity) >= severityRank(minSeverity)) : result.findings };
    // the text formatter prints fix.sql; for an Alembic file the Alembic spelling is the useful one
    const printed = format !== 'text' ? shown : { ...shown, findings: shown.findings.map((f) => (f.target.file?.endsWith('.py') && f.fix?.alembic ? { ...f, fix: { ...f.fix, sql: f.fix.alembic } } : f)) };
    await printFindings(ctx, printed, { format, rules: asRules });
    return shown.findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
  },
};
