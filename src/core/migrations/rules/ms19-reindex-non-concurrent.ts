import { endSemi, insertAfterKeyword } from '../fix.js';
import { isConcurrentReindex } from '../locks.js';
import { defineRule } from './helpers.js';

export const MS19 = defineRule({
  id: 'MS19',
  name: 'reindex-non-concurrent',
  category: 'migration',
  severity: 'warning',
  kinds: ['ReindexStmt'],
  why: 'REINDEX without CONCURRENTLY blocks writes to the table (and reads that would use the index) for the whole rebuild; PostgreSQL 12+ can rebuild concurrently.',
  check(ctx) {
    const { stmt, pgVersion } = ctx;
    if (stmt.kind !== 'ReindexStmt' || pgVersion < 12 || isConcurrentReindex(stmt.node)) return [];
    if (stmt.node.kind === 'REINDEX_OBJECT_SYSTEM') return [];
    const kw = String(stmt.node.kind).replace('REINDEX_OBJECT_', '');
    return [{
      target: {},
      message: `REINDEX ${kw} without CONCURRENTLY takes a SHARE lock on the table (blocks writes) and an ACCESS EXCLUSIVE lock on the index`,
      fix: { sql: endSemi(insertAfterKeyword(stmt.sql, kw, 'CONCURRENTLY')), steps: ['REINDEX … CONCURRENTLY, outside a transaction block'] },
    }];
  },
});
