import type { SchemaSnapshot } from '../introspect/types.js';
import type { RuleStats } from './stats.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** What a rule needs beyond the rule itself; a rule whose needs are unmet is reported as not run. */
export type DataNeed = 'snapshot' | 'stats' | 'pg_stat_statements' | 'activity';

export type Category = 'design' | 'indexing' | 'constraints' | 'naming' | 'types' | 'security' | 'health' | 'migration';

/** Where a finding points: a schema object, or a place in a file (migrations). */
export interface FindingTarget {
  file?: string;
  /** 1-based */
  line?: number;
  /** a column name for schema findings; a 1-based column number for file findings */
  column?: string | number;
  schema?: string;
  table?: string;
  /** an index, constraint, function, type, policy, … */
  object?: string;
}

export interface Fix {
  sql?: string;
  alembic?: string;
  steps?: string[];
}

/** One problem found, in the shape `--format json` prints (architecture.md: Finding). */
export interface Finding {
  ruleId: string;
  name: string;
  severity: Severity;
  target: FindingTarget;
  message: string;
  why: string;
  fix?: Fix;
}

/** What a rule's check returns; the engine adds id, name and (configured) severity. */
export interface RawFinding {
  target: FindingTarget;
  message: string;
  /** overrides the rule's `why` where the reason depends on the case */
  why?: string;
  fix?: Fix;
  /** overrides the configured severity for this finding (e.g. CN01 multi-column) */
  severity?: Severity;
}

export interface RuleContext {
  snapshot: SchemaSnapshot;
  /** statistics, present when the rule declares `stats` and the connection provides them */
  stats?: RuleStats;
  /** this rule's options (defaults merged with configuration) */
  options: Record<string, unknown>;
  /**
   * Runs `fn` for one object; if it throws, the engine records "rule failed on <name>" and goes on
   * with the next object, so one odd object never hides the rest.
   */
  each<T>(items: Iterable<T>, name: (item: T) => string, fn: (item: T) => RawFinding[] | RawFinding | undefined): RawFinding[];
}

export interface Rule {
  /** catalog id from design/rules.md, never changed once published */
  id: string;
  /** kebab-case name from the catalog */
  name: string;
  category: Category;
  severity: Severity;
  needs: DataNeed[];
  /** one sentence: why this matters (used when a finding gives none) */
  why: string;
  /** default options, documented by their names */
  defaults?: Record<string, unknown>;
  /** needs cumulative counters (pg_stat_user_*), which PGlite does not keep */
  cumulative?: boolean;
  /** off unless enabled in configuration (noisy informational rules) */
  offByDefault?: boolean;
  check(ctx: RuleContext): RawFinding[];
}

export interface NotRun {
  ruleId: string;
  reason: string;
}

export interface LintResult {
  findings: Finding[];
  notRun: NotRun[];
}
