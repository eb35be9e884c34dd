import type { SchemaSnapshot } from '../introspect/types.js';
import { emptyConfig, type LintConfig } from './config.js';
import { hasIgnoreMarkers, isIgnored } from './ignore.js';
import { DEFERRED_RULES, SCHEMA_RULES } from './registry.js';
import type { RuleStats } from './stats.js';
import { severityRank, type DataNeed, type Finding, type LintResult, type NotRun, type RawFinding, type Rule, type RuleContext, type Severity } from './types.js';

export interface LintOptions {
  stats?: RuleStats;
  config?: LintConfig;
  /** run only these rule ids (`--rule`); they run even when off by default */
  only?: string[];
  /** skip these rule ids (`--disable`) */
  disable?: string[];
  minSeverity?: Severity;
  rules?: readonly Rule[];
}

const NEED_TEXT: Record<DataNeed, string> = {
  snapshot: 'a schema snapshot',
  stats: 'statistics (pg_stats / pg_stat_user_tables)',
  pg_stat_statements: 'the pg_stat_statements extension',
  activity: 'session and replication views of a server (pg_stat_activity)',
};

function unmetNeed(rule: Rule, stats: RuleStats | undefined): string | undefined {
  for (const need of rule.needs) {
    if (need === 'snapshot') continue;
    if (!stats) return `needs ${NEED_TEXT.stats}`;
    if (need === 'activity' && !stats.activity) return `needs ${NEED_TEXT.activity}; an embedded PGlite database has one session and none`;
    if (need === 'pg_stat_statements' && !stats.statements) return `needs ${NEED_TEXT.pg_stat_statements} (CREATE EXTENSION pg_stat_statements, with it in shared_preload_libraries)`;
  }
  if (rule.cumulative && stats && !stats.cumulative) return 'needs cumulative statistics (scan and row counters), which an embedded PGlite database does not keep';
  return undefined;
}

/** Runs the schema rules over a snapshot; each rule and each object is isolated from the others' failures. */
export function lintSnapshot(snapshot: SchemaSnapshot, o: LintOptions = {}): LintResult {
  const rules = o.rules ?? SCHEMA_RULES;
  const config = o.config ?? emptyConfig();
  const findings: Finding[] = [];
  const notRun: NotRun[] = [];
  // most runs have no ignores at all: then no finding needs looking up
  const mayIgnore = config.ignore.length > 0 || hasIgnoreMarkers(snapshot);
  const minRank = o.minSeverity ? severityRank(o.minSeverity) : -1;
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    const selected = o.only?.length ? o.only.includes(rule.id) : (setting?.enabled ?? !rule.offByDefault);
    if (!selected || o.disable?.includes(rule.id)) continue;
    const unmet = unmetNeed(rule, o.stats);
    if (unmet) {
      notRun.push({ ruleId: rule.id, reason: unmet });
      continue;
    }
    const severity = setting?.severity ?? rule.severity;
    const failures: RawFinding[] = [];
    const ctx: RuleContext = {
      snapshot,
      stats: o.stats,
      options: { ...rule.defaults, ...setting?.options },
      each(items, name, fn) {
        const out: RawFinding[] = [];
        for (const item of items) {
          try {
            const r = fn(item);
            if (Array.isArray(r)) {
              for (const x of r) out.push(x);
            } else if (r) out.push(r);
          } catch (err) {
            failures.push({ target: { object: name(item) }, message: `rule failed on ${name(item)}: ${(err as Error)?.message ?? err}`, severity: 'warning' });
          }
        }
        return out;
      },
    };
    let raw: RawFinding[];
    try {
      raw = rule.check(ctx);
    } catch (err) {
      raw = [];
      failures.push({ target: {}, message: `rule failed: ${(err as Error)?.message ?? err}`, severity: 'warning' });
    }
    if (failures.length) raw = raw.concat(failures);
    for (const r of raw) {
      // a configured severity applies to every finding; otherwise a finding may rate itself
      const sev = setting?.severity ?? r.severity ?? severity;
      if (minRank >= 0 && severityRank(sev) < minRank) continue;
      const f: Finding = { ruleId: rule.id, name: rule.name, severity: sev, target: r.target, message: r.message, why: r.why ?? rule.why };
      if (r.fix) f.fix = r.fix;
      if (mayIgnore && isIgnored(snapshot, f, config)) continue;
      findings.push(f);
    }
  }
  if (!o.only?.length) for (const [ruleId, reason] of Object.entries(DEFERRED_RULES)) notRun.push({ ruleId, reason: `not implemented yet: ${reason}` });
  const keyed = findings.map((f) => ({ f, rank: severityRank(f.severity), key: sortKey(f) }));
  keyed.sort((a, b) => b.rank - a.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { findings: keyed.map((k) => k.f), notRun };
}

/** Rule id, then the target's parts, as one string: \u0001 sorts before every printable character. */
const sortKey = (f: Finding): string => {
  const t = f.target;
  return `${f.ruleId}\u0000${t.file ?? ''}\u0001${t.schema ?? ''}\u0001${t.table ?? ''}\u0001${t.column ?? ''}\u0001${t.object ?? ''}`;
};

export const targetKey = (f: Finding): string => [f.target.file, f.target.schema, f.target.table, f.target.column, f.target.object].filter((x) => x !== undefined).join('.');
