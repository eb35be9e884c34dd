import { objectName } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

export const BC02 = defineRule({
  id: 'BC02',
  name: 'drop-table',
  category: 'migration',
  severity: 'error',
  kinds: ['DropStmt'],
  why: 'Dropping a table loses its data and breaks any code or view that still uses it.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'DropStmt' || stmt.node.removeType !== 'OBJECT_TABLE') return [];
    const old = ((stmt.node.objects ?? []) as PgNode[]).map(objectName).map((p) => (p.length > 1 ? p.join('.') : `public.${p[0]}`)).filter((k) => !state.createdTables.has(k));
    if (!old.length) return [];
    return [{ target: {}, message: `DROP TABLE ${old.join(', ')}${stmt.node.behavior === 'DROP_CASCADE' ? ' CASCADE' : ''}: its data is lost and code using it breaks`, fix: { steps: ['remove every use from the application first and deploy', 'consider renaming it aside (and dropping later) so a rollback is possible'] } }];
  },
});
