import type { Table } from '../../introspect/types.js';
import { columnRefName, relName, walk } from '../ast.js';
import { defineRule, type PgNode } from './helpers.js';

/** `key = constant` on a column the live schema says is unique touches at most one row. */
function singleRow(where: PgNode | undefined, table: Table | undefined): boolean {
  if (!where || !table) return false;
  const unique = new Set([table.primaryKey, ...table.uniques].filter((k) => k && k.columns.length === 1).map((k) => k!.columns[0]!));
  const eq = (e: PgNode | undefined) => e?.A_Expr?.kind === 'AEXPR_OP' && e.A_Expr.name?.[0]?.String?.sval === '=' && unique.has(columnRefName(e.A_Expr.lexpr) ?? '') && !!e.A_Expr.rexpr?.A_Const;
  if (eq(where)) return true;
  return where.BoolExpr?.boolop === 'AND_EXPR' && (where.BoolExpr.args as PgNode[]).some(eq);
}

/** A WHERE that bounds the rows touched: a key range, or a subquery with LIMIT. */
function batched(where: PgNode | undefined): boolean {
  if (!where) return false;
  for (const n of walk(where)) {
    if (n.SubLink?.subselect?.SelectStmt?.limitCount) return true;
    if (n.A_Expr && (['<', '<=', '>', '>='].includes(n.A_Expr.name?.[0]?.String?.sval) || String(n.A_Expr.kind).startsWith('AEXPR_BETWEEN'))) return true;
  }
  return false;
}

export const MS27 = defineRule({
  id: 'MS27',
  name: 'unbatched-backfill',
  category: 'migration',
  severity: 'warning',
  kinds: ['UpdateStmt', 'DeleteStmt'],
  why: 'One UPDATE or DELETE over a whole table locks every row it touches until commit and makes a long transaction (bloat, replication lag); inside the DDL transaction it also holds the DDL locks.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'UpdateStmt' && stmt.kind !== 'DeleteStmt') return [];
    const rel = relName(stmt.node.relation);
    if (!rel || !state.existing(rel) || batched(stmt.node.whereClause) || singleRow(stmt.node.whereClause, state.snapshotTable(rel))) return [];
    const verb = stmt.kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE';
    return [{
      target: { schema: rel.schema, table: rel.name },
      message: `${verb} on ${rel.key} ${stmt.node.whereClause ? 'with no key range or LIMIT in its WHERE' : 'without WHERE'} touches every matching row in one transaction${state.inTx ? ', inside the migration\'s transaction' : ''}`,
      fix: { steps: ['backfill in batches of a few thousand rows by key range, each in its own transaction', 'run it outside the DDL migration (a script, or a revision outside the transaction)'] },
    }];
  },
});
