import { UserError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/rules/types.js';

/** A repeatable option's values, commas splitting too: `--rule IX01,IX02 --rule SD01`. */
export const listOption = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

export function severityOption(flag: string, v: unknown): Severity | undefined {
  if (v === undefined) return undefined;
  if (!SEVERITIES.includes(v as Severity)) throw new UserError(`${flag} ${v}: use info, warning or error`);
  return v as Severity;
}

export type FindingsFormat = 'text' | 'json' | 'sarif';

export function findingsFormatOption(v: unknown): FindingsFormat {
  const format = (v as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UserError(`--format ${format}: use text, json or sarif`);
  return format as FindingsFormat;
}

/** --min-severity filters what is shown; exit 1 when a shown finding reaches --fail-on, else --min-severity, else warning. */
export function severityOptions(values: Record<string, unknown>): { minSeverity?: Severity; failOn: Severity } {
  const minSeverity = severityOption('--min-severity', values['min-severity']);
  return { minSeverity, failOn: severityOption('--fail-on', values['fail-on']) ?? minSeverity ?? 'warning' };
}
