/**
 * Migration safety (issue 6): SQL and Alembic files lowered to one statement IR with positions and
 * a transaction model, checked by the MS/BC/TX rules of design/rules.md; the Alembic revision graph.
 */
export { checkMigrationFiles, checkMigrationText, lowerSource, DEFAULT_PG_VERSION, type CheckResult, type CheckedFile } from './check.js';
export { MIGRATION_RULES } from './rules/index.js';
export { alembicStatus, type AlembicStatus, type RevisionNode } from './alembic/graph.js';
export { checkLowered, type LoweredFile } from './engine.js';
export { parseSqlText } from './sql/source.js';
export { ensureParser } from './sql/parser.js';
export { collectSources, MAX_FILE_BYTES } from './files.js';
export type { MigrationRule, MigrationStatement, MigrationContext, CheckOptions, SourceKind } from './types.js';
