import type { LintConfig } from '../rules/config.js';
import type { SchemaSnapshot } from '../introspect/types.js';
import type { Finding } from '../rules/types.js';
import { lowerUpgrade } from './alembic/lower.js';
import { revisionInfo } from './alembic/revision.js';
import { checkLowered, type LoweredFile } from './engine.js';
import type { SourceFile } from './files.js';
import { parsePython } from './python/parse.js';
import { PySyntaxError } from './python/tokenize.js';
import { MIGRATION_RULES } from './rules/index.js';
import { parseSqlText } from './sql/source.js';

export interface FileCheckOptions { pgVersion: number; assumeInTransaction: boolean; snapshot?: SchemaSnapshot; config?: LintConfig }

export type FileOutcome = { findings: Finding[] } | { notMigration: string };

/** Lowers one source file to the statement IR; a .py file that is not an Alembic migration says why. */
export function lowerSource(f: Pick<SourceFile, 'path' | 'kind' | 'text'>): LoweredFile | { notMigration: string } {
  if (f.kind === 'sql') {
    const parsed = parseSqlText(f.text);
    return { path: f.path, source: 'sql', statements: parsed.statements, syntaxErrors: parsed.syntaxErrors, notUnderstood: [] };
  }
  let mod;
  try {
    mod = parsePython(f.text);
  } catch (err) {
    if (!(err instanceof PySyntaxError)) throw err;
    return { path: f.path, source: 'alembic', statements: [], syntaxErrors: [{ line: err.line, column: err.column, message: `Python: ${err.message}`, ignores: [] }], notUnderstood: [] };
  }
  const info = revisionInfo(mod);
  if (!info.upgrade || info.revision === undefined) {
    const missing = [info.revision === undefined ? '`revision = "…"`' : '', !info.upgrade ? '`def upgrade():`' : ''].filter(Boolean).join(' and no ');
    return { notMigration: `not an Alembic migration (no ${missing})` };
  }
  return lowerUpgrade(f.path, info.upgrade.body, mod.comments);
}

/** Checks one file (the parser must be loaded); the same code runs on the main thread and in workers. */
export function checkSource(f: Pick<SourceFile, 'path' | 'kind' | 'text'>, o: FileCheckOptions): FileOutcome {
  const lowered = lowerSource(f);
  if ('notMigration' in lowered) return lowered;
  return {
    findings: checkLowered(lowered, {
      pgVersion: o.pgVersion,
      // Alembic runs every migration in a transaction unless the file opts out with autocommit_block()
      runnerWraps: f.kind === 'alembic' ? true : o.assumeInTransaction,
      snapshot: o.snapshot,
      config: o.config,
      rules: MIGRATION_RULES,
    }),
  };
}
