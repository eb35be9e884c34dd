import type { Table } from '../../introspect/types.js';
import { isNotNullTest } from '../ast.js';
import { notNullRecipe } from '../fix.js';
import { parseStatements } from '../sql/parser.js';
import { defineRule, existingAlterCmds, lockText } from './helpers.js';

/** Whether the live schema has a validated `CHECK (col IS NOT NULL)` on exactly this column (§4). */
export function snapshotProvesNotNull(table: Table | undefined, column: string): boolean {
  return !!table?.checks.some((c) => {
    if (!c.validated) return false;
    const expr = c.expression.replace(/^\s*CHECK\s*/i, '').replace(/\s+NO INHERIT\s*$/i, '');
    try {
      const where = parseStatements(`SELECT 1 WHERE ${expr}`)[0]?.stmt as { SelectStmt?: { whereClause?: Record<string, unknown> } } | undefined;
      return isNotNullTest(where?.SelectStmt?.whereClause, column);
    } catch {
      return false;
    }
  });
}

export const MS07 = defineRule({
  id: 'MS07',
  name: 'set-not-null-scan',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a validated CHECK (col IS NOT NULL) already proves it (PostgreSQL 12+).',
  check(ctx) {
    const { state, pgVersion } = ctx;
    return existingAlterCmds(ctx, 'AT_SetNotNull').flatMap(({ rel, cmd }) => {
      const col = cmd.name as string;
      const table = state.snapshotTable(rel);
      if (table?.columns.find((c) => c.name === col)?.notNull) return [];
      const proven = state.provenNotNull.has(`${rel.key}.${col}`) || snapshotProvesNotNull(table, col);
      if (proven && pgVersion >= 12) return [];
      return [{
        target: { schema: rel.schema, table: rel.name, object: col },
        message: `SET NOT NULL on ${rel.key}.${col} ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'scan')}${proven ? ` (PostgreSQL ${pgVersion} cannot use the validated CHECK; 12+ can)` : ''}`,
        fix: notNullRecipe(rel, col, { pgVersion }),
      }];
    });
  },
});
