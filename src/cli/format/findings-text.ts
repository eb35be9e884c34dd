import { targetKey } from '../../core/rules/engine.js';
import type { Finding, LintResult } from '../../core/rules/types.js';

const LABEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warn ', info: 'info ' };

function where(f: Finding): string {
  const t = f.target;
  if (t.file) return `${t.file}${t.line ? `:${t.line}${typeof t.column === 'number' ? `:${t.column}` : ''}` : ''}`;
  return targetKey(f) || '(database)';
}

/** Human-readable findings: one header line each, then why and the fix, indented. */
export function findingsText(result: LintResult, o: { color: boolean; verbose?: boolean }): string {
  const paint = (code: string, s: string) => (o.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sev = (s: Finding['severity']) => paint(s === 'error' ? '31;1' : s === 'warning' ? '33' : '36', LABEL[s]);
  const lines: string[] = [];
  for (const f of result.findings) {
    lines.push(`${sev(f.severity)} ${paint('1', f.ruleId)} ${f.name}  ${paint('2', where(f))}`);
    lines.push(`      ${f.message}`);
    if (o.verbose !== false) {
      lines.push(`      ${paint('2', `why: ${f.why}`)}`);
      if (f.fix?.sql) lines.push(...f.fix.sql.split('\n').map((l, i) => `      ${i === 0 ? 'fix: ' : '     '}${paint('32', l)}`));
      for (const s of f.fix?.steps ?? []) lines.push(`      ${paint('2', `- ${s}`)}`);
    }
  }
  const count = (s: Finding['severity']) => result.findings.filter((f) => f.severity === s).length;
  lines.push('');
  lines.push(`${result.findings.length} finding(s): ${count('error')} error, ${count('warning')} warning, ${count('info')} info`);
  if (result.notRun.length) {
    lines.push(`${result.notRun.length} rule(s) not run:`);
    for (const n of result.notRun) lines.push(`  ${n.ruleId}  ${n.reason}`);
  }
  return lines.join('\n') + '\n';
}
