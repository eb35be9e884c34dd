import { UserError } from '../errors.js';
import type { Finding, LintResult, NotRun } from '../rules/types.js';
import { checkSource, lowerSource, type FileCheckOptions, type FileOutcome } from './check-file.js';
import { collectSources, type Skipped } from './files.js';
import { ensureParser } from './sql/parser.js';
import type { CheckOptions } from './types.js';

export { lowerSource };

export const DEFAULT_PG_VERSION = 15;

export interface CheckedFile { path: string; kind: 'sql' | 'alembic'; lines: string[] }

export interface CheckResult extends LintResult {
  files: CheckedFile[];
  /** files found in a directory but not checked (binary, too large, Python that is not a migration) */
  skipped: Skipped[];
}

const fileOptions = (opts: CheckOptions): FileCheckOptions => ({
  pgVersion: opts.pgVersion ?? (opts.snapshot ? Math.floor(opts.snapshot.server.versionNum / 10000) : DEFAULT_PG_VERSION),
  assumeInTransaction: !!opts.assumeInTransaction,
  snapshot: opts.snapshot,
  config: opts.config,
});

/** Checks one migration given as text (an editor buffer, a test); `path` decides SQL (.sql) or Alembic (.py). */
export async function checkMigrationText(path: string, text: string, opts: CheckOptions = {}): Promise<Finding[]> {
  await ensureParser();
  const out = checkSource({ path, kind: path.endsWith('.py') ? 'alembic' : 'sql', text }, fileOptions(opts));
  if ('notMigration' in out) throw new UserError(`${path}: ${out.notMigration}`);
  return out.findings;
}

/**
 * Checks SQL and Alembic migration files for locking, rewriting, breaking and transaction-shape
 * problems (rules.md §3.1–3.3). Findings use the rules core's shape, with 1-based file positions.
 */
export async function checkMigrationFiles(paths: string[], opts: CheckOptions = {}): Promise<CheckResult> {
  const o = fileOptions(opts);
  const { files, skipped } = collectSources(paths);
  // worker threads were measured slower here (each re-warms the parser); one thread it is
  await ensureParser();
  const outcomes: FileOutcome[] = files.map((f) => checkSource(f, o));
  const findings: Finding[] = [];
  const checked: CheckedFile[] = [];
  files.forEach((f, i) => {
    const out = outcomes[i]!;
    if ('notMigration' in out) {
      if (f.explicit) throw new UserError(`${f.path}: ${out.notMigration}; check-migration reads .sql files and Alembic revision files`);
      skipped.push({ path: f.path, reason: out.notMigration });
      return;
    }
    checked.push({ path: f.path, kind: f.kind, lines: f.text.split(/\r?\n/) });
    findings.push(...out.findings);
  });
  const pos = (f: Finding) => [f.target.file ?? '', f.target.line ?? 0, typeof f.target.column === 'number' ? f.target.column : 0] as const;
  findings.sort((a, b) => {
    const [fa, la, ca] = pos(a);
    const [fb, lb, cb] = pos(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  });
  const notRun: NotRun[] = [];
  if (!opts.snapshot) notRun.push({ ruleId: 'BC08', reason: 'without a connection only Alembic drop_constraint(type_=…) tells an FK/PK/UNIQUE drop from a CHECK; connect to check SQL DROP CONSTRAINT' });
  return { findings, notRun, files: checked, skipped };
}
