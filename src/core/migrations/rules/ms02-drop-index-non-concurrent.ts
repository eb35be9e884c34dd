import { autocommit, endSemi, insertAfterKeyword, pyStr } from '../fix.js';
import { objectName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

export const MS02 = defineRule({
  id: 'MS02',
  name: 'drop-index-non-concurrent',
  category: 'migration',
  severity: 'warning',
  kinds: ['DropStmt'],
  why: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index\'s table, blocking reads and writes, and queues behind every running query.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'DropStmt' || stmt.node.removeType !== 'OBJECT_INDEX' || stmt.node.concurrent) return [];
    const names = ((stmt.node.objects ?? []) as PgNode[]).map((o) => objectName(o).join('.'));
    const old = names.filter((n) => !state.createdIndexes.has(n.split('.').pop()!));
    if (!old.length) return [];
    return [{
      target: { object: old.join(', ') },
      message: `DROP INDEX ${old.join(', ')} takes an ACCESS EXCLUSIVE lock on the table (blocks reads and writes); use DROP INDEX CONCURRENTLY`,
      fix: {
        sql: endSemi(insertAfterKeyword(stmt.sql, 'INDEX', 'CONCURRENTLY')),
        alembic: autocommit(old.map((n) => `op.drop_index(${pyStr(n.split('.').pop()!)}, postgresql_concurrently=True)`)),
        steps: ['drop with CONCURRENTLY, outside a transaction block (its own migration or autocommit_block())', 'CONCURRENTLY drops one index per statement'],
      },
    }];
  },
});
