import { relName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

export const MS18 = defineRule({
  id: 'MS18',
  name: 'rewrite-maintenance',
  category: 'migration',
  severity: 'error',
  kinds: ['VacuumStmt', 'ClusterStmt'],
  why: 'VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE: nothing can read or write it until they finish.',
  check(ctx) {
    const { stmt, pgVersion } = ctx;
    let what: string | undefined;
    let table: string | undefined;
    if (stmt.kind === 'VacuumStmt' && ((stmt.node.options ?? []) as PgNode[]).some((o) => o.DefElem?.defname === 'full')) {
      what = 'VACUUM FULL';
      table = relName((stmt.node.rels as PgNode[] | undefined)?.[0]?.VacuumRelation?.relation)?.key;
    } else if (stmt.kind === 'ClusterStmt') {
      what = 'CLUSTER';
      table = relName(stmt.node.relation)?.key;
    }
    if (!what) return [];
    return [{
      target: {},
      message: `${what}${table ? ` ${table}` : ''} rewrites the table under an ACCESS EXCLUSIVE lock (blocks reads and writes)`,
      fix: { steps: pgVersion >= 19 ? ['use REPACK (CONCURRENTLY) on PostgreSQL 19+'] : ['use pg_repack or pg_squeeze to rebuild online', 'or run it in a maintenance window'] },
    }];
  },
});
