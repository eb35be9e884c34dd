import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { closest } from '../closest.js';
import type { Rule, Severity } from './types.js';
import { SEVERITIES } from './types.js';

export const CONFIG_FILE = '.tablewright.json';

export interface RuleSetting { enabled?: boolean; severity?: Severity; options?: Record<string, unknown> }

/** `.tablewright.json`, as read and checked. */
export interface LintConfig {
  rules: Record<string, RuleSetting>;
  /** findings to drop: a rule id (or `*`) on an object (`schema.table`, `schema.table.column`, or an object name) */
  ignore: { rule: string; object: string }[];
}

export const emptyConfig = (): LintConfig => ({ rules: {}, ignore: [] });

/** Finds `.tablewright.json` in `dir` or the nearest parent. */
export function findConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const p = join(d, CONFIG_FILE);
    if (existsSync(p)) return p;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** A config file's JSON; a syntax error is one line naming the file. */
export function readConfigJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`${path} is not valid JSON (${(err as Error).message.split('\n')[0]}); fix the file or remove it`);
  }
}

/** Reads and checks a config file; every problem is one line naming the key. */
export function loadConfig(path: string, rules: readonly Rule[]): LintConfig {
  return parseConfig(readConfigJson(path), path, rules);
}

export function parseConfig(raw: unknown, where: string, rules: readonly Rule[]): LintConfig {
  const bad = (key: string, what: string) => new UserError(`${where}: "${key}" ${what}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('(top level)', 'must be an object with "rules" and/or "ignore"');
  const obj = raw as Record<string, unknown>;
  // "reflect" belongs to tablewright reflect (src/core/codegen/reflect/config.ts), which checks it itself
  for (const k of Object.keys(obj)) if (k !== 'rules' && k !== 'ignore' && k !== '$schema' && k !== 'reflect') throw bad(k, `is not a known key; use "rules" or "ignore"`);
  const config = emptyConfig();
  const ids = rules.map((r) => r.id);
  const rulesRaw = obj.rules ?? {};
  if (typeof rulesRaw !== 'object' || Array.isArray(rulesRaw)) throw bad('rules', 'must be an object of rule id → "off" | severity | { severity, options }');
  for (const [id, v] of Object.entries(rulesRaw as Record<string, unknown>)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw bad(`rules.${id}`, `is not a rule id${hint(id, ids)}`);
    config.rules[id] = ruleSetting(v, `rules.${id}`, rule, bad);
  }
  const ig = obj.ignore ?? [];
  if (!Array.isArray(ig)) throw bad('ignore', 'must be a list of { "rule": "IX01", "object": "schema.table[.column]" }');
  ig.forEach((e, i) => {
    const key = `ignore[${i}]`;
    if (typeof e !== 'object' || e === null || typeof (e as { object?: unknown }).object !== 'string' || typeof (e as { rule?: unknown }).rule !== 'string') {
      throw bad(key, 'must be { "rule": "IX01" or "*", "object": "schema.table[.column]" }');
    }
    const { rule, object } = e as { rule: string; object: string };
    if (rule !== '*' && !ids.includes(rule)) throw bad(`${key}.rule`, `"${rule}" is not a rule id${hint(rule, ids)}`);
    config.ignore.push({ rule, object });
  });
  return config;
}

function ruleSetting(v: unknown, key: string, rule: Rule, bad: (k: string, w: string) => UserError): RuleSetting {
  if (v === 'off' || v === false) return { enabled: false };
  if (v === 'on' || v === true) return { enabled: true };
  if (typeof v === 'string') {
    if (!SEVERITIES.includes(v as Severity)) throw bad(key, `must be "off", "on" or a severity (${SEVERITIES.join(', ')})`);
    return { enabled: true, severity: v as Severity };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(key, 'must be "off", a severity, or { "severity": …, "options": { … } }');
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['enabled', 'severity', 'options'].includes(k)) throw bad(`${key}.${k}`, 'is not a known key; use enabled, severity or options');
  if (o.severity !== undefined && !SEVERITIES.includes(o.severity as Severity)) throw bad(`${key}.severity`, `must be one of ${SEVERITIES.join(', ')}`);
  if (o.options !== undefined) {
    if (typeof o.options !== 'object' || o.options === null) throw bad(`${key}.options`, 'must be an object');
    for (const [ok, ov] of Object.entries(o.options)) {
      const def = rule.defaults?.[ok];
      if (def === undefined) throw bad(`${key}.options.${ok}`, `is not an option of ${rule.id}${rule.defaults ? ` (options: ${Object.keys(rule.defaults).join(', ')})` : ' (it has none)'}`);
      if (Array.isArray(def) !== Array.isArray(ov) || typeof def !== typeof ov) throw bad(`${key}.options.${ok}`, `must be ${Array.isArray(def) ? 'a list' : `a ${typeof def}`}`);
    }
  }
  return { enabled: o.enabled === undefined ? true : Boolean(o.enabled), severity: o.severity as Severity | undefined, options: o.options as Record<string, unknown> | undefined };
}

function hint(id: string, ids: string[]): string {
  const near = closest(id, ids);
  return near.length ? `; did you mean ${near.join(' or ')}?` : '';
}

/** Checks ids given on the command line (`--rule`, `--disable`). */
export function checkRuleIds(given: string[], rules: readonly Rule[], flag: string): void {
  const ids = rules.map((r) => r.id);
  for (const id of given) if (!ids.includes(id)) throw new UserError(`${flag} ${id}: no such rule${hint(id, ids)}; tablewright lint --list-rules shows them all`);
}
