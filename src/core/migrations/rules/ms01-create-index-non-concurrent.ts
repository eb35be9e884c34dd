import { autocommit, endSemi, insertAfterKeyword, pyStr } from '../fix.js';
import { defineRule, lockText, relName } from './helpers.js';

export const MS01 = defineRule({
  id: 'MS01',
  name: 'create-index-non-concurrent',
  category: 'migration',
  severity: 'error',
  kinds: ['IndexStmt'],
  why: 'CREATE INDEX without CONCURRENTLY holds a SHARE lock for the whole build, so every INSERT, UPDATE and DELETE on the table waits.',
  check(ctx) {
    const { stmt, state } = ctx;
    if (stmt.kind !== 'IndexStmt' || stmt.node.concurrent) return [];
    const rel = relName(stmt.node.relation);
    if (!rel || !state.existing(rel)) return [];
    const rows = state.rowEstimate(rel);
    const cols = ((stmt.node.indexParams ?? []) as { IndexElem?: { name?: string } }[]).map((p) => p.IndexElem?.name);
    const simple = cols.every((c): c is string => !!c) && !stmt.node.whereClause;
    const name = (stmt.node.idxname as string | undefined) ?? `${rel.name}_${cols.join('_')}_idx`;
    const concurrent = insertAfterKeyword(stmt.sql, 'INDEX', 'CONCURRENTLY');
    // expression and partial indexes are passed through as SQL rather than re-spelled in SQLAlchemy
    const alembicCall = simple
      ? `op.create_index(${pyStr(name)}, ${pyStr(rel.name)}, [${cols.map((c) => pyStr(c!)).join(', ')}]${stmt.node.unique ? ', unique=True' : ''}${rel.pySchema}, postgresql_concurrently=True${stmt.node.if_not_exists ? ', if_not_exists=True' : ''})`
      : `op.execute(${pyStr(concurrent)})`;
    return [{
      target: { schema: rel.schema, table: rel.name },
      message: `CREATE INDEX ${name} ${lockText(ctx, 'SHARE', rel)} for the whole build; use CREATE INDEX CONCURRENTLY`,
      // a tiny table builds in milliseconds: the lock does not matter there
      ...(rows !== undefined && rows < 10_000 ? { severity: 'warning' as const } : {}),
      fix: {
        sql: endSemi(concurrent),
        alembic: autocommit([alembicCall]),
        steps: [
          'build the index with CONCURRENTLY (SHARE UPDATE EXCLUSIVE: reads and writes go on)',
          'run it outside a transaction block: its own migration, or Alembic\'s autocommit_block()',
          'if the build fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it and retry',
        ],
      },
    }];
  },
});

