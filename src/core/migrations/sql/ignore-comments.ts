/** squawk rule names users already write in `-- squawk-ignore` comments, mapped to catalog ids (rules.md §8.4). */
const SQUAWK_NAMES: Record<string, string[]> = {
  'require-concurrent-index-creation': ['MS01'],
  'require-concurrent-index-deletion': ['MS02'],
  'ban-concurrent-index-creation-in-transaction': ['MS03'],
  'adding-foreign-key-constraint': ['MS04'],
  'constraint-missing-not-valid': ['MS04', 'MS05', 'MS06'],
  'adding-not-nullable-field': ['MS07'],
  'adding-field-with-default': ['MS08', 'MS14', 'MS15'],
  'adding-required-field': ['MS09'],
  'changing-column-type': ['MS10', 'BC09'],
  'disallowed-unique-constraint': ['MS11'],
  'adding-serial-primary-key-field': ['MS12'],
  'require-lock-timeout': ['MS16'],
  'require-statement-timeout': ['MS17'],
  'prefer-repack': ['MS18'],
  'require-concurrent-reindex': ['MS19'],
  'require-concurrent-partition-detach': ['MS20'],
  'ban-create-domain-with-constraint': ['MS25'],
  'ban-alter-domain-with-add-constraint': ['MS25'],
  'ban-truncate-cascade': ['MS28'],
  'ban-drop-column': ['BC01'],
  'ban-drop-table': ['BC02'],
  'ban-drop-database': ['BC03'],
  'renaming-column': ['BC04'],
  'renaming-table': ['BC05'],
  'ban-drop-not-null': ['BC07'],
  'transaction-nesting': ['TX01'],
  'ban-uncommitted-transaction': ['TX02'],
  'prefer-robust-stmts': ['TX03'],
};

const ID = /^(?:[A-Z]{2}\d{2}|syntax-error|not-understood)$/;

/**
 * Rule ids named by an ignore comment (`tablewright:ignore MS01, MS02` or `squawk-ignore rule-name`);
 * `['*']` for a bare `tablewright:ignore`; undefined when the comment is not an ignore.
 */
export function ignoredIds(comment: string): string[] | undefined {
  const tw = /tablewright:ignore(?![-\w])([^\n]*)/.exec(comment);
  if (tw) {
    const ids = words(tw[1]!).filter((w) => ID.test(w));
    return ids.length ? ids : ['*'];
  }
  const sq = /squawk-ignore(?![-\w])([^\n]*)/.exec(comment);
  if (sq) {
    const ids = words(sq[1]!).flatMap((w) => SQUAWK_NAMES[w] ?? (ID.test(w) ? [w] : []));
    return ids.length ? ids : ['*'];
  }
  return undefined;
}

const words = (s: string): string[] => s.replace(/\*\/\s*$/, '').split(/[\s,]+/).filter(Boolean);
