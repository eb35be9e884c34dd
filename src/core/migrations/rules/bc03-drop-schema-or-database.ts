import { objectName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

export const BC03 = defineRule({
  id: 'BC03',
  name: 'drop-schema-or-database',
  category: 'migration',
  severity: 'error',
  kinds: ['DropStmt', 'DropdbStmt'],
  why: 'DROP SCHEMA (worst with CASCADE) or DROP DATABASE removes every object and row in it.',
  check(ctx) {
    const { stmt } = ctx;
    if (stmt.kind === 'DropdbStmt') return [{ target: {}, message: `DROP DATABASE ${stmt.node.dbname}: removes the whole database` }];
    if (stmt.kind !== 'DropStmt' || stmt.node.removeType !== 'OBJECT_SCHEMA') return [];
    const names = ((stmt.node.objects ?? []) as PgNode[]).map((o) => objectName(o).join('.'));
    return [{ target: {}, message: `DROP SCHEMA ${names.join(', ')}${stmt.node.behavior === 'DROP_CASCADE' ? ' CASCADE: drops every object in it' : ''}`, fix: { steps: ['drop the objects one by one so each loss is visible in review'] } }];
  },
});
