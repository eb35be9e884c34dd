import type { Change, MigrationStep } from './types.js';

/**
 * Phases order the steps: renames, drops of dependants, types and functions, tables and columns,
 * keys and indexes, foreign keys, views and triggers, grants and comments, drops of containers.
 */
export const PHASE = {
  renameUp: 5, dropTrigger: 8, dropView: 9, dropForeignKey: 10, dropConstraint: 20, schema: 1, extension: 2,
  type: 30, enumLabels: 31, sequence: 32, functionSettings: 34, function: 35, table: 40, tableAlter: 41, column: 42,
  columnAlter: 43, ownedBy: 45, dropColumn: 51, dropTable: 52, dropSequence: 55, dropType: 56, dropFunction: 57,
  constraint: 60, index: 62, foreignKey: 70, view: 80, trigger: 82, policy: 84, rls: 85, grant: 90, comment: 91,
  dropExtension: 96, dropSchema: 97, renameDown: 98,
} as const;

export interface PlannedStep extends MigrationStep { phase: number; order: number }

export interface PlanContext {
  pgVersion: number;
  /** true while planning the downgrade (inverted changes) */
  down: boolean;
  warnings: string[];
  /** view nesting depth, so views are created after and dropped before the views they read */
  viewDepth: (schema: string, name: string) => number;
  add(step: Omit<PlannedStep, 'order' | 'change' | 'risk' | 'transactional' | 'lock'> & Partial<Pick<PlannedStep, 'order' | 'risk' | 'transactional' | 'lock'>>): void;
  /** the change being planned */
  current: Change;
}

/** A lock on a table that exists: what it blocks is in the mode's name. */
export const lockOn = (mode: string, schema: string, table: string): string => `${mode} on ${schema}.${table}`;
export const NEW_OBJECT = 'none (new object)';
