import { GENERATED_MARKER } from '../codegen/files.js';
import { diffSnapshots, planMigration, renderAlembicRevision, renderSqlMigration, type MigrationPlan } from '../diff/index.js';
import type { Evaluated } from './evaluate.js';
import type { TableDraft } from './draft.js';

/**
 * The design as a migration, through the schema differ: before = the live snapshot, after = the
 * live snapshot with the draft. One migration planner for `diff` and the wizard; it orders enum
 * types and the trigger function before the table and drops them after it in the downgrade.
 */
export function draftMigration(ev: Evaluated): MigrationPlan {
  return planMigration(diffSnapshots(ev.live, ev.snapshot).changes, { fromSnapshot: ev.live });
}

/** An Alembic revision chained to `downRevision` (the project's head, or none for the first). */
export function renderRevision(d: TableDraft, plan: MigrationPlan, downRevision: string | undefined, createDate?: string): string {
  return renderAlembicRevision(plan, { revision: d.revision, downRevision: downRevision ?? null, message: `create table ${d.schema}.${d.name}`, ...(createDate ? { createDate } : {}) });
}

/** Plain SQL for people who do not use Alembic: the upgrade script, the downgrade after it as comments. */
export function renderSqlFile(d: TableDraft, plan: MigrationPlan): string {
  const sql = renderSqlMigration(plan);
  return `-- @${GENERATED_MARKER} new-table ${d.schema}.${d.name}\n${sql.upgrade.replace(/\n*$/, '\n')}\n${sql.downgrade.replace(/\n*$/, '').split('\n').map((l) => `-- ${l}`).join('\n')}\n`;
}

export const revisionFileName = (d: TableDraft) => `${d.revision}_create_${d.name}.py`;
