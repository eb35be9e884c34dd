import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan, type PlanTree } from '../../src/core/explain/index.js';

/** The captured plans of the design notes (shared/data/plans, see its README). */
export const PLANS_DIR = new URL('../fixtures/shared-data/plans/', import.meta.url).pathname;
export const planText = (name: string, ext: 'json' | 'txt' = 'json'): string => readFileSync(join(PLANS_DIR, `${name}.${ext}`), 'utf8');
export const plan = (name: string, ext: 'json' | 'txt' = 'json'): PlanTree => parsePlan(planText(name, ext), name);
