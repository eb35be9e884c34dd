import type { Command } from '../command.js';
import { findingsFormatOption, listOption, severityOptions } from '../option-values.js';
import { printFindings } from '../format/print-findings.js';


export const lintCommand: Command = {
  name: 'lint',
  summary: 'schema checklist: missing FK indexes, no PK, duplicate indexes, RLS, types, naming, health; each with why and the fix',
  usage: 'tablewright lint [--schema S]… [--rule ID]… [--disable ID]… [--min-severity info|warning|error] [--fail-on SEVERITY] [--format text|json|sarif] [--config FILE] [--list-rules]',
  options: {
    schema: { type: 'string', multiple: true },
    'exclude-schema': { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
    disable: { type: 'string', multiple: true },
    'min-severity': { type: 'string' },
    'fail-on': { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    'list-rules': { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { readSnapshot } = await import('../../core/introspect/index.js');
    const { checkRuleIds, emptyConfig, findConfigFile, gatherRuleStats, lintSnapshot, loadConfig, SCHEMA_RULES, DEFERRED_RULES, severityRank } = await import('../../core/rules/index.js');
    const v = ctx.values;
    const format = findingsFormatOption(v.format);
    const { minSeverity, failOn } = severityOptions(v);
    if (v['list-rules']) {
      const rows = SCHEMA_RULES.map((r) => `${r.id}  ${r.severity.padEnd(7)} ${r.category.padEnd(11)} ${r.name}${r.offByDefault ? ' (off by default)' : ''}${r.needs.includes('snapshot') ? '' : `  [needs ${r.needs.join(', ')}]`}`);
      const deferred = Object.entries(DEFERRED_RULES).map(([id, why]) => `${id}  not implemented: ${why}`);
      ctx.out([...rows, ...deferred].join('\n') + '\n');
      return 0;
    }
    const only = listOption(v.rule);
    const disable = listOption(v.disable);
    checkRuleIds(only, SCHEMA_RULES, '--rule');
    checkRuleIds(disable, SCHEMA_RULES, '--disable');
    const configPath = (v.config as string | undefined) ?? findConfigFile(process.cwd());
    const config = configPath ? loadConfig(configPath, SCHEMA_RULES) : emptyConfig();
    const conn = await ctx.connect();
    try {
      const snapshot = await readSnapshot(conn, { schemas: listOption(v.schema), excludeSchemas: listOption(v['exclude-schema']), stats: false });
      const stats = await gatherRuleStats(conn, snapshot);
      const result = lintSnapshot(snapshot, { stats, config, only, disable, minSeverity });
      await printFindings(ctx, result, { format, rules: SCHEMA_RULES, artifact: configPath });
      return result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
    } finally {
      await conn.close();
    }
  },
};
