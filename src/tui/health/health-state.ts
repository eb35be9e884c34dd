import type { AppState } from '../state/app-state.js';
import type { Activity } from '../../core/perf/server/activity.js';
import type { StatementsOrder } from '../../core/perf/server/statements.js';
import type { HealthReport, IndexAdvice, NPlusOne, QueryGroup, RelationSize } from '../../core/perf/types.js';

export const HEALTH_TABS = ['dashboard', 'queries', 'advice'] as const;
export type HealthTab = (typeof HEALTH_TABS)[number];

export const QUERY_ORDERS: readonly StatementsOrder[] = ['total', 'mean', 'calls', 'rows', 'reads'];

/** Samples kept per table for the growth sparkline (one per refresh). */
export const GROWTH_SAMPLES = 30;

export interface HealthDashboard {
  /** undefined on PGlite (one session, no activity views) */
  activity?: Activity;
  cacheHit?: HealthReport['cacheHit'];
  tables: RelationSize[];
  notes: string[];
  at: number;
}

/** The Health pane's state: the live dashboard, the top statements and the advice, one cursor per tab. */
export interface HealthState {
  tab: HealthTab;
  dashboard: HealthDashboard | null;
  /** total size samples by table, oldest first, while the pane is open */
  growth: Record<string, number[]>;
  queries: QueryGroup[] | null;
  queriesOrder: StatementsOrder;
  queriesNote?: string;
  advice: { index: IndexAdvice[]; nPlusOne: NPlusOne[]; notes: string[] } | null;
  /** a server log to read for N+1 bursts on the Advice tab; typed after `p` */
  logPath: string | null;
  logDraft: string | null;
  busy: 'dashboard' | 'queries' | 'advice' | null;
  cursor: Record<HealthTab, number>;
  error?: string;
}

export const initialHealth = (): HealthState => ({
  tab: 'dashboard', dashboard: null, growth: {}, queries: null, queriesOrder: 'total', advice: null,
  logPath: null, logDraft: null, busy: null, cursor: { dashboard: 0, queries: 0, advice: 0 },
});

/** The schemas to size: the snapshot's, or before it arrives, those of the relation list. */
export const healthSchemas = (s: AppState): string[] =>
  s.catalog.snapshot ? Object.keys(s.catalog.snapshot.schemas) : [...new Set((s.catalog.items ?? []).map((i) => i.schema))];
