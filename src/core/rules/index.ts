/** Rules core: schema rules over a snapshot (+ statistics), the engine, configuration and output. */
export * from './types.js';
export { SCHEMA_RULES, DEFERRED_RULES } from './registry.js';
export { lintSnapshot, targetKey, type LintOptions } from './engine.js';
export { lintDatabase, gatherRuleStats } from './lint-database.js';
export { readRuleStats, type RuleStats } from './stats.js';
export { loadConfig, parseConfig, findConfigFile, checkRuleIds, emptyConfig, CONFIG_FILE, type LintConfig } from './config.js';
export { inlineIgnores } from './ignore.js';
