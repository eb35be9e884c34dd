import type { LintResult } from '../../core/rules/types.js';

/** The stable machine-readable shape shared by `lint` and `check-migration` (README: JSON output). */
export function findingsJson(result: LintResult, version: string): string {
  return JSON.stringify({ tool: 'tablewright', version, findings: result.findings, notRun: result.notRun }, null, 2) + '\n';
}
