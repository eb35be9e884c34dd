import type { Rule } from '../types.js';

export const HL05: Rule = {
  id: 'HL05', name: 'long-running-queries', category: 'health', severity: 'warning', needs: ['activity'],
  why: 'Long-running queries hold locks and old snapshots, blocking vacuum and DDL.',
  check: (ctx) => ctx.stats!.activity!.longRunning.map((q) => ({
    target: { object: `pid ${q.pid}` },
    message: `query running for ${Math.round(q.seconds)} s (pid ${q.pid}): ${q.query.replace(/\s+/g, ' ').slice(0, 120)}`,
    fix: { sql: `SELECT pg_cancel_backend(${q.pid});` },
  })),
};

export const HL08: Rule = {
  id: 'HL08', name: 'connection-pressure', category: 'health', severity: 'warning', needs: ['activity'],
  why: 'Many connections (or many idle in a transaction) exhaust memory and slots; a pooler such as PgBouncer fixes the first, a shorter transaction the second.',
  defaults: { maxConnections: 500, maxIdleInTransaction: 100 },
  check: (ctx) => {
    const a = ctx.stats!.activity!;
    const out = [];
    if (a.total >= (ctx.options.maxConnections as number)) out.push({ target: {}, message: `${a.total} client connections are open` });
    if (a.idleInTransaction >= (ctx.options.maxIdleInTransaction as number)) out.push({ target: {}, message: `${a.idleInTransaction} sessions are idle in a transaction`, fix: { steps: ['set idle_in_transaction_session_timeout (e.g. 60s) for the application role, and keep transactions short'] } });
    return out;
  },
};

export const HL09: Rule = {
  id: 'HL09', name: 'replication-health', category: 'health', severity: 'warning', needs: ['activity'],
  why: 'A lagging replica serves stale reads; an inactive replication slot keeps WAL forever and fills the disk.',
  defaults: { maxLagSeconds: 5 },
  check: (ctx) => {
    const a = ctx.stats!.activity!;
    return [
      ...a.replicas.filter((r) => r.lagSeconds >= (ctx.options.maxLagSeconds as number)).map((r) => ({ target: { object: r.name }, message: `replica ${r.name} lags ${r.lagSeconds.toFixed(1)} s behind` })),
      ...a.inactiveSlots.map((s) => ({ target: { object: s }, message: `replication slot ${s} is inactive and retains WAL`, fix: { sql: `SELECT pg_drop_replication_slot('${s.replace(/'/g, "''")}');` } })),
    ];
  },
};

export const HL06: Rule = {
  id: 'HL06', name: 'slow-queries', category: 'health', severity: 'info', needs: ['pg_stat_statements'],
  why: 'Statements that are slow on average and run often are where tuning pays most; run tablewright explain on them.',
  defaults: { minMeanMs: 20, minCalls: 100 },
  check: (ctx) => ctx.stats!.statements!
    .filter((s) => s.meanMs >= (ctx.options.minMeanMs as number) && s.calls >= (ctx.options.minCalls as number))
    .map((s) => ({ target: { object: 'pg_stat_statements' }, message: `${s.calls} calls averaging ${s.meanMs.toFixed(1)} ms: ${s.query.replace(/\s+/g, ' ').slice(0, 120)}` })),
};
