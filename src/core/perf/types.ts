import type { Finding } from '../rules/types.js';

/** One completed statement execution read from a server log. */
export interface Execution {
  /** epoch ms of the log line (the end of the execution) */
  at: number;
  /** session_id (csv/json logs) or the backend pid (stderr) */
  session: string;
  sql: string;
  /** parse + bind + execute for the extended protocol */
  durationMs: number;
  /** `query_id` when the log carries it (jsonlog, csvlog, `%Q`) and it is not 0 */
  queryId?: string;
  /** bind parameters from the DETAIL line, as logged */
  params?: string;
  /** an auto_explain plan logged for this statement (text or JSON) */
  plan?: string;
}

/** Executions of one statement shape, grouped by fingerprint (or query_id). */
export interface QueryGroup {
  /** libpg-query fingerprint of the statement (hex), or `qid:<query_id>` when it does not parse */
  fingerprint: string;
  queryId?: string;
  /** constants replaced by $n */
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
  rows?: number;
  /** shared blocks read from outside the buffer cache (pg_stat_statements) */
  sharedBlocksRead?: number;
  /** where the figures come from */
  source: 'pg_stat_statements' | 'log';
  /** the slowest execution's text, with its literals (logs) */
  example?: string;
  /** an auto_explain plan seen for this statement */
  plan?: string;
}

export interface NPlusOne {
  fingerprint: string;
  query: string;
  /** executions across all bursts of this (source, repeated) pair */
  executions: number;
  bursts: number;
  /** the largest burst */
  maxBurst: number;
  totalMs: number;
  /** the session of the first burst */
  session: string;
  /** the query that triggered the burst */
  after: string;
  afterFingerprint: string;
  /** parameters of the first executions of the first burst */
  exampleParams: string[];
  fix: string;
}

export interface IndexAdvice {
  /** schema.table */
  table: string;
  columns: string[];
  sql: string;
  /** checked with HypoPG against the planner; false for heuristic advice */
  verified: boolean;
  costBefore?: number;
  costAfter?: number;
  /** fingerprints of the queries it helps */
  queries: string[];
  reason: string;
}

export interface Recommendation {
  id: string;
  message: string;
  sql?: string;
}

export interface Bottleneck {
  table: string;
  issue: string;
  solution: string;
}

export interface ConnectionState {
  state: string;
  count: number;
}

export interface ActiveQuery {
  pid: number;
  seconds: number;
  state: string;
  user: string;
  application: string;
  waitEvent?: string;
  query: string;
}

export interface BlockingLock {
  pid: number;
  blockedBy: number[];
  seconds: number;
  mode?: string;
  relation?: string;
  query: string;
}

export interface RelationSize {
  /** schema.name */
  name: string;
  kind: 'table' | 'index';
  table?: string;
  bytes: number;
  totalBytes: number;
  rows: number;
  /** estimated wasted bytes (bloat), from pg_stats widths against the pages in use */
  bloatBytes?: number;
  scans?: number;
}

export interface HealthReport {
  connections?: { byState: ConnectionState[]; total: number; max: number; idleInTransaction: number; byApplication: { name: string; count: number }[] };
  longRunning: ActiveQuery[];
  blocking: BlockingLock[];
  cacheHit?: { database?: number; tables?: number; indexes?: number };
  sizes: RelationSize[];
  /** HL and IX schema rules (sequences, vacuum, stale stats, unused/duplicate/invalid indexes …) */
  findings: Finding[];
  /** what could not be read and why (permissions, extensions, PGlite) */
  notes: string[];
}

export interface PerformanceReport {
  performance_analysis: {
    query_patterns: {
      frequent_queries: { fingerprint: string; query: string; calls: number; totalMs: number; meanMs: number; rows?: number; source: string }[];
      recommendations: Recommendation[];
    };
    bottlenecks: Bottleneck[];
    n_plus_one: NPlusOne[];
    index_advice: IndexAdvice[];
    slow_queries: SlowQuery[];
    health: HealthReport;
    sources: SourceSummary;
  };
}

export interface SlowQuery {
  fingerprint: string;
  query: string;
  calls: number;
  meanMs: number;
  totalMs: number;
  /** generic-plan cost and what the plan does, when a database was available */
  plan?: {
    totalCost: number;
    summary: string[];
    /** the EXPLAIN core's insights: on the logged auto_explain plan (actual rows) when there is one, else on the generic plan */
    insights: { id: string; severity: string; message: string; action: string; sql?: string }[];
  };
}

export interface LogSummary {
  file: string;
  format: string;
  lines: number;
  executions: number;
  /** lines that could not be read as a log line of the format */
  unreadable: number;
  firstUnreadable?: string;
}

export interface SourceSummary {
  database?: string;
  pgStatStatements: 'used' | 'not installed' | 'not loaded' | 'no access' | 'not available on PGlite' | 'not connected';
  statsReset?: string;
  hypopg: 'used' | 'not installed' | 'not available' | 'not connected';
  logs: LogSummary[];
  notes: string[];
}
