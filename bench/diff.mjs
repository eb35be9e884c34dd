// Schema diff → migration on synthetic snapshots: 2,000 tables of 12 columns, 3 indexes, a FK and a
// CHECK each, where one table in ten changes (columns added, altered, dropped; indexes and checks
// changed) plus 20 new and 20 dropped tables. Times diffSnapshots, planMigration and both renderers.
// Prints medians; target: the whole pipeline < 500 ms for 2,000 tables.
// Usage: npm run build && node bench/diff.mjs   (TW_DIST=path/to/dist to use another build)
const dist = process.env.TW_DIST ?? new URL('../dist/', import.meta.url).href;
const { diffSnapshots, planMigration, renderSqlMigration, renderAlembicRevision } = await import(`${dist.replace(/\/?$/, '/')}core/diff/index.js`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const col = (name, type = 'integer', extra = {}) => ({ name, type, typeRef: 'pg_catalog.int4', arrayDims: 0, notNull: false, ...extra });
const index = (name, column, extra = {}) => ({ name, method: 'btree', unique: false, primary: false, exclusion: false, keys: [{ column, desc: false, nullsFirst: false }], include: [], nullsNotDistinct: false, valid: true, ready: true, options: {}, ...extra });

function table(i, changed) {
  const name = `t${i}`;
  const columns = [col('id', 'bigint', { notNull: true }), ...Array.from({ length: 11 }, (_, c) => col(`c${c}`, c % 3 ? 'text' : 'integer'))];
  const t = {
    name, kind: 'table', persistence: 'permanent', columns, primaryKey: { name: `${name}_pkey`, columns: ['id'], deferrable: false, initiallyDeferred: false },
    uniques: [], foreignKeys: i > 0 ? [{ name: `${name}_c0_fkey`, columns: ['c0'], references: { table: `public.t${i - 1}`, columns: ['id'] }, onUpdate: 'NO ACTION', onDelete: 'NO ACTION', match: 'SIMPLE', deferrable: false, initiallyDeferred: false, validated: true, enforced: true }] : [],
    checks: [{ name: `${name}_c1_check`, expression: '(c1 > 0)', validated: true, noInherit: false, enforced: true }], exclusions: [],
    indexes: [index(`${name}_pkey`, 'id', { unique: true, primary: true, constraint: `${name}_pkey` }), index(`${name}_c2_idx`, 'c2'), index(`${name}_c3_idx`, 'c3', { predicate: '(c3 IS NOT NULL)' })],
    triggers: [], policies: [], rls: { enabled: false, forced: false }, inherits: [], options: {}, owner: 'app', acl: [],
  };
  if (changed) {
    t.columns = t.columns.filter((c) => c.name !== 'c10');
    t.columns.push(col('added', 'text', { default: "'x'::text", notNull: true }));
    t.columns[2] = { ...t.columns[2], type: 'bigint', typeRef: 'pg_catalog.int8' };
    t.checks[0] = { ...t.checks[0], expression: '(c1 > 1)' };
    t.indexes[2] = { ...t.indexes[2], predicate: '(c3 > 0)' };
    t.indexes.push(index(`${name}_c4_idx`, 'c4'));
  }
  return t;
}

function snapshot(n, changed) {
  const tables = {};
  for (let i = 0; i < n; i++) {
    if (changed && i >= n - 20) continue;
    tables[`t${i}`] = table(i, changed && i % 10 === 0);
  }
  if (changed) for (let i = 0; i < 20; i++) tables[`new${i}`] = { ...table(n + i, false), name: `new${i}`, foreignKeys: [] };
  return {
    format: 'tablewright-snapshot/1', server: { versionNum: 160000, versionString: 'PostgreSQL 16', flavor: 'postgres', capabilities: {} }, fingerprint: {}, extensions: [],
    schemas: { public: { name: 'public', owner: 'app', acl: [], tables, views: {}, materializedViews: {}, sequences: {}, types: {}, functions: {} } },
    hiddenSchemas: [], platformPolicies: {}, unavailable: [], stale: [], definitions: 'eager',
  };
}

for (const n of [200, 2000]) {
  const a = snapshot(n, false);
  const b = snapshot(n, true);
  const t = { diff: [], plan: [], sql: [], alembic: [] };
  let changes = 0;
  let steps = 0;
  // two warm-up runs first: the JIT, not the differ, dominates them
  for (let run = -2; run < 9; run++) {
    let t0 = performance.now();
    const d = diffSnapshots(a, b);
    const dDiff = performance.now() - t0;
    t0 = performance.now();
    const plan = planMigration(d.changes, { fromSnapshot: a });
    const dPlan = performance.now() - t0;
    t0 = performance.now();
    renderSqlMigration(plan);
    const dSql = performance.now() - t0;
    t0 = performance.now();
    renderAlembicRevision(plan, { revision: 'bench', downRevision: null, message: 'bench' });
    if (run >= 0) { t.diff.push(dDiff); t.plan.push(dPlan); t.sql.push(dSql); t.alembic.push(performance.now() - t0); }
    changes = d.changes.length;
    steps = plan.upgrade.length + plan.downgrade.length;
  }
  const total = t.diff.map((_, i) => t.diff[i] + t.plan[i] + t.sql[i] + t.alembic[i]);
  console.log(`${String(n).padStart(5)} tables, ${changes} changes, ${steps} steps:  diff ${median(t.diff).toFixed(1)} ms  plan ${median(t.plan).toFixed(1)} ms  sql ${median(t.sql).toFixed(1)} ms  alembic ${median(t.alembic).toFixed(1)} ms  total ${median(total).toFixed(1)} ms (median of 9)${n === 2000 ? '  target < 500 ms' : ''}`);
}
