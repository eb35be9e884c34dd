import type { Finding, LintResult, Severity } from '../../core/rules/types.js';

export type ChecklistGroup = 'severity' | 'category' | 'table';
export const GROUPS: readonly ChecklistGroup[] = ['severity', 'category', 'table'];

export type ChecklistRow =
  | { kind: 'header'; label: string; count: number }
  | { kind: 'finding'; finding: Finding; index: number }
  | { kind: 'notrun'; ruleId: string; reason: string };

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/** The table a finding belongs to, for grouping and for jumping to it in the Browser. */
export const tableOf = (f: Finding): string | undefined => (f.target.schema && f.target.table ? `${f.target.schema}.${f.target.table}` : undefined);

let memo: { result: LintResult; group: ChecklistGroup; rows: ChecklistRow[] } | undefined;

/** Findings under group headers (with counts), then the rules that could not run. Memoised per result. */
export function checklistRows(result: LintResult, group: ChecklistGroup, categoryOf: (ruleId: string) => string): ChecklistRow[] {
  if (memo && memo.result === result && memo.group === group) return memo.rows;
  const keyOf = (f: Finding) => (group === 'severity' ? f.severity : group === 'category' ? categoryOf(f.ruleId) : (tableOf(f) ?? f.target.schema ?? '(database)'));
  const groups = new Map<string, { f: Finding; i: number }[]>();
  result.findings.forEach((f, i) => {
    const k = keyOf(f);
    groups.set(k, [...(groups.get(k) ?? []), { f, i }]);
  });
  const order = group === 'severity' ? ['error', 'warning', 'info'] : [...groups.keys()].sort();
  const rows: ChecklistRow[] = [];
  for (const k of order) {
    const list = groups.get(k);
    if (!list) continue;
    rows.push({ kind: 'header', label: group === 'severity' ? SEVERITY_LABEL[k as Severity] : k, count: list.length });
    for (const { f, i } of list) rows.push({ kind: 'finding', finding: f, index: i });
  }
  if (result.notRun.length) {
    rows.push({ kind: 'header', label: 'Not run', count: result.notRun.length });
    for (const n of result.notRun) rows.push({ kind: 'notrun', ruleId: n.ruleId, reason: n.reason });
  }
  memo = { result, group, rows };
  return rows;
}

/** The row's one-line label in the list. */
export function rowLabel(r: ChecklistRow): string {
  if (r.kind === 'header') return `${r.label} (${r.count})`;
  if (r.kind === 'notrun') return `  ${r.ruleId}  not run: ${r.reason}`;
  const t = r.finding.target;
  const where = t.file ? `${t.file}${t.line ? `:${t.line}` : ''}` : [t.schema, t.table, typeof t.column === 'string' ? t.column : undefined].filter(Boolean).join('.') || t.object || '(database)';
  return `  ${r.finding.ruleId} ${where}  ${r.finding.name}`;
}

/** Counts for the pane title: "3 errors · 9 warnings · 20 info". */
export function checklistCounts(result: LintResult | null): string {
  if (!result) return '';
  const n = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  return `${n('error')}E ${n('warning')}W ${n('info')}I`;
}
