import { relName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

export const MS28 = defineRule({
  id: 'MS28',
  name: 'truncate',
  category: 'migration',
  severity: 'error',
  kinds: ['TruncateStmt'],
  why: 'TRUNCATE takes ACCESS EXCLUSIVE and deletes all rows; with CASCADE it also empties every table referencing it.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'TruncateStmt') return [];
    const rels = ((stmt.node.relations ?? []) as PgNode[]).map((r) => relName(r.RangeVar)).filter((r) => r && state.existing(r));
    if (!rels.length) return [];
    const cascade = stmt.node.behavior === 'DROP_CASCADE';
    return [{
      target: {},
      message: `TRUNCATE ${rels.map((r) => r!.key).join(', ')}${cascade ? ' CASCADE (also empties every referencing table)' : ''}: ACCESS EXCLUSIVE lock and all rows gone`,
      ...(cascade ? {} : { severity: 'warning' as const }),
      fix: { steps: ['delete in batches if rows must go; never CASCADE in a migration'] },
    }];
  },
});
