/**
 * Schema diff → migrations (issue 9). Four entry points, shared with the table wizard:
 *
 *   diffSnapshots(from, to, { renames? }) → { changes, renameCandidates }
 *       every object kind of the snapshot, keyed by names; renames only when confirmed
 *       (RenameSpec, `--rename`), look-alike drop + add pairs come back as candidates.
 *   planMigration(changes, { pgVersion?, fromSnapshot?, lockTimeout? }) → { upgrade, downgrade, warnings }
 *       ordered steps ({ sql, lock, transactional, note, risk, change }) in dependency order with the
 *       safe forms of the migration-safety rules; `transactional: false` steps run outside the
 *       migration's transaction (CONCURRENTLY, VALIDATE after NOT VALID, ADD VALUE).
 *   renderSqlMigration(plan) → { upgrade, downgrade } SQL scripts with BEGIN/COMMIT blocks.
 *   renderAlembicRevision(plan, { revision, downRevision, message, createDate? }) → revision source;
 *       non-transactional steps inside `op.get_context().autocommit_block()`.
 */
export { diffSnapshots } from './differ.js';
export { planMigration, invertChange } from './plan.js';
export { renderSqlMigration, groupSteps } from './render-sql.js';
export { renderAlembicRevision, type RevisionMeta } from '../codegen/alembic/revision.js';
export { parseRenameSpec } from './renames.js';
export { splitStatements } from './split-sql.js';
export type { Change, ChangeKind, DiffResult, MigrationPlan, MigrationStep, PlanOptions, RenameCandidate, RenameSpec, Risk } from './types.js';
export { computeMigration, renameRefusal, newRevisionId, slug, type Migration, type MigrationRequest } from './migration.js';
export { sourceKind, snapshotFromFile, snapshotFromSql, readDiffSnapshot, type SourceKind } from './sources.js';
export { loadDiffSource, type LoadOptions } from './sources.js';
export { writeMigrationFile, alembicTarget, findVersionsDir } from './output.js';
