import { UserError } from '../errors.js';
import type { SchemaSnapshot } from '../introspect/types.js';
import { diffSnapshots } from './differ.js';
import { planMigration } from './plan.js';
import { parseRenameSpec } from './renames.js';
import type { DiffResult, MigrationPlan, RenameCandidate } from './types.js';

export interface MigrationRequest {
  from: SchemaSnapshot;
  to: SchemaSnapshot;
  /** `--rename` values */
  renames?: string[];
  /** look-alike drops and adds are meant as drop + add */
  noRenames?: boolean;
  pgVersion?: number;
}

export interface Migration { diff: DiffResult; plan: MigrationPlan }

/** The refusal for unconfirmed look-alikes: each `--rename` flag that would confirm one. */
export function renameRefusal(candidates: RenameCandidate[]): UserError {
  const list = candidates.map((c) => `${c.kind} ${c.schema}.${c.table}${c.column ? `.${c.column}` : ''} → ${c.to}: ${c.flag}`).join('; ');
  return new UserError(`possible renames need a decision: ${list}; pass those --rename flags, or --no-renames to drop and add`);
}

/** Diff + plan, refusing to guess renames: candidates must be confirmed or declined. */
export function computeMigration(r: MigrationRequest): Migration {
  const renames = (r.renames ?? []).map((s) => parseRenameSpec(s, r.from));
  const diff = diffSnapshots(r.from, r.to, { renames });
  if (diff.renameCandidates.length && !r.noRenames) throw renameRefusal(diff.renameCandidates);
  const plan = planMigration(diff.changes, { pgVersion: r.pgVersion, fromSnapshot: r.from });
  for (const [side, s] of [['--from', r.from], ['--to', r.to]] as const) {
    if (s.definitions === 'lazy') plan.warnings.push(`the ${side} snapshot was saved without definitions (--lazy): view and trigger texts are not compared; save it again without --lazy`);
  }
  return { diff, plan };
}

/** Alembic-style revision id: 12 hex digits. */
export const newRevisionId = (): string => Array.from({ length: 12 }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/** `add orders table` → `add_orders_table`, for revision file names. */
export const slug = (message: string): string => message.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40) || 'diff';
