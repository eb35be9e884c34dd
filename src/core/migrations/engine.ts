import type { SchemaSnapshot } from '../introspect/types.js';
import { emptyConfig, type LintConfig } from '../rules/config.js';
import type { Finding, RawFinding } from '../rules/types.js';
import { MigrationState } from './state.js';
import type { MigrationContext, MigrationRule, MigrationStatement, SourceKind } from './types.js';

export interface Problem { line: number; column: number; message: string; ignores: string[] }

export interface LoweredFile {
  path: string;
  source: SourceKind;
  statements: MigrationStatement[];
  syntaxErrors: Problem[];
  /** Python constructs the Alembic reader does not understand (reported, never guessed) */
  notUnderstood: Problem[];
}

export interface EngineOptions {
  pgVersion: number;
  runnerWraps: boolean;
  snapshot?: SchemaSnapshot;
  config?: LintConfig;
  rules: readonly MigrationRule[];
}

/** shared, so the per-run plan cache also works when no configuration is given */
const NO_CONFIG = emptyConfig();

const ignored = (ids: string[], ruleId: string) => ids.includes('*') || ids.includes(ruleId);

/** Runs every enabled rule over one lowered file, statement by statement, carrying the migration state. */
export function checkLowered(file: LoweredFile, o: EngineOptions): Finding[] {
  const config = o.config ?? NO_CONFIG;
  const state = new MigrationState(o.runnerWraps, o.snapshot);
  const findings: Finding[] = [];
  const emit = (rule: MigrationRule, raw: RawFinding[], stmt: MigrationStatement | undefined) => {
    const setting = config.rules[rule.id];
    for (const r of raw) {
      const target = { file: file.path, line: stmt?.line, column: stmt?.column, ...r.target };
      if (stmt && ignored(stmt.ignores, rule.id)) continue;
      if (config.ignore.some((i) => (i.rule === '*' || i.rule === rule.id) && (i.object === file.path || i.object === (target.table ? `${target.schema}.${target.table}` : undefined)))) continue;
      findings.push({
        ruleId: rule.id,
        name: rule.name,
        severity: setting?.severity ?? r.severity ?? rule.severity,
        target,
        message: r.message,
        why: r.why ?? rule.why,
        ...(r.fix ? { fix: r.fix } : {}),
      });
    }
  };
  const problems = (id: string, list: Problem[]) => {
    const rule = o.rules.find((r) => r.id === id);
    if (!rule || config.rules[id]?.enabled === false) return;
    for (const p of list) {
      if (ignored(p.ignores, id)) continue;
      findings.push({ ruleId: id, name: rule.name, severity: config.rules[id]?.severity ?? rule.severity, target: { file: file.path, line: p.line, column: p.column }, message: p.message, why: rule.why });
    }
  };
  problems('syntax-error', file.syntaxErrors);
  problems('not-understood', file.notUnderstood);
  const base = { pgVersion: o.pgVersion, source: file.source, snapshot: o.snapshot, state };
  const plan = planFor(o.rules, config);
  // one context per rule, moved from statement to statement: thousands of files × statements × rules
  const contexts = new Map<MigrationRule, MigrationContext>();
  for (const rule of plan.active) if (rule.check) contexts.set(rule, { ...base, stmt: file.statements[0]!, options: plan.options.get(rule)! });
  const forKind = (kind: string) => {
    let list = plan.byKind.get(kind);
    if (!list) plan.byKind.set(kind, (list = plan.active.filter((r) => r.check && (!r.kinds || r.kinds.includes(kind)))));
    return list;
  };
  for (const stmt of file.statements) {
    for (const rule of forKind(stmt.kind)) {
      const ctx = contexts.get(rule)!;
      ctx.stmt = stmt;
      const raw = guarded(rule, ctx);
      if (raw.length) emit(rule, raw, stmt);
    }
    state.apply(stmt);
  }
  for (const rule of plan.active) {
    if (!rule.finish) continue;
    const ctx = { ...base, options: plan.options.get(rule)! };
    let raw: RawFinding[];
    try {
      raw = rule.finish(ctx);
    } catch (err) {
      raw = [failure(err)];
    }
    emit(rule, raw, undefined);
  }
  return findings;
}

interface Plan { active: MigrationRule[]; options: Map<MigrationRule, Record<string, unknown>>; byKind: Map<string, MigrationRule[]> }
const plans = new WeakMap<readonly MigrationRule[], WeakMap<LintConfig, Plan>>();

/** Which rules run, with their options and per statement kind: the same for every file of a run. */
function planFor(rules: readonly MigrationRule[], config: LintConfig): Plan {
  let byConfig = plans.get(rules);
  if (!byConfig) plans.set(rules, (byConfig = new WeakMap()));
  let plan = byConfig.get(config);
  if (!plan) {
    const active = rules.filter((r) => config.rules[r.id]?.enabled ?? !r.offByDefault);
    plan = { active, options: new Map(active.map((r) => [r, { ...r.defaults, ...config.rules[r.id]?.options }])), byKind: new Map() };
    byConfig.set(config, plan);
  }
  return plan;
}

/** One odd statement must not hide the rest of the file: a rule that throws becomes a finding. */
function guarded(rule: MigrationRule, ctx: MigrationContext): RawFinding[] {
  try {
    return rule.check!(ctx);
  } catch (err) {
    return [failure(err)];
  }
}

const failure = (err: unknown): RawFinding => ({ target: {}, message: `rule failed on this statement: ${String((err as Error)?.message ?? err).split('\n')[0]}`, severity: 'warning' });
