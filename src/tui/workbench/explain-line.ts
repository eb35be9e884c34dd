import { withoutExplainOptions } from '../../cli/commands/explain.js';
import { tokenize } from '../../commands/tokenize.js';

/** Where `:explain …` goes in the full-screen app. */
export type ExplainRoute = { kind: 'plan'; path: string } | { kind: 'sql'; sql: string };

/**
 * `:explain --plan FILE` and `:explain SELECT …` open in the Workbench (plan tree, insights,
 * stats, raw view) rather than as text; with any other option (`--format json`, `--what-if`,
 * `--stats`, …) the line stays the CLI command and prints its text.
 */
export function routeExplain(line: string): ExplainRoute | undefined {
  const t = line.trim().replace(/^:/, '').trim();
  if (!/^explain(\s|$)/i.test(t)) return undefined;
  const rest = t.slice('explain'.length).trim();
  const words = tokenize(rest);
  if (words.length === 2 && words[0] === '--plan') return { kind: 'plan', path: words[1]! };
  if (!rest || rest.startsWith('-') || /\s--[a-z]/.test(rest)) return undefined;
  const sql = withoutExplainOptions(rest).replace(/;\s*$/, '');
  return sql ? { kind: 'sql', sql } : undefined;
}
