import { typeFromCatalog, typeInfo } from '../ast.js';
import { typeChangeIsSafe } from '../type-change.js';
import { defineRule, existingAlterCmds, lockText } from './helpers.js';

export const MS10 = defineRule({
  id: 'MS10',
  name: 'column-type-rewrite',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'A column type change that is not binary-coercible rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AlterColumnType').flatMap(({ rel, cmd }) => {
      const col = cmd.name as string;
      const to = typeInfo(cmd.def?.ColumnDef?.typeName);
      if (!to) return [];
      const known = ctx.state.columnType(rel, col);
      const hinted = ctx.stmt.hints?.oldType ? typeFromCatalog(ctx.stmt.hints.oldType) : undefined;
      const from = hinted ?? known?.type ?? (known?.catalog ? typeFromCatalog(known.catalog) : undefined);
      const using = !!cmd.def?.ColumnDef?.raw_default;
      if (from && !using && typeChangeIsSafe(from, to, ctx.state.utcSession)) return [];
      const tz = from && new Set([from.name, to.name]).has('timestamp') && new Set([from.name, to.name]).has('timestamptz');
      const detail = using ? 'USING forces every row to be recomputed'
        : from ? `${from.text} → ${to.text} is not binary-coercible${tz ? ' unless the session TimeZone is UTC (add SET TIME ZONE \'UTC\' first)' : ''}`
          : `the old type of ${col} is unknown (connect with --url, or give existing_type= in Alembic), so a rewrite is assumed`;
      return [{
        target: { schema: rel.schema, table: rel.name, object: col },
        message: `ALTER COLUMN ${col} TYPE ${to.text} ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}: ${detail}`,
        ...(from ? {} : { severity: 'warning' as const }),
        fix: {
          steps: [
            `add a new column of type ${to.text}`,
            'write both columns from the application (or a trigger)',
            'backfill the new column in batches',
            'switch reads to the new column, then drop the old one (or rename in a short transaction)',
          ],
        },
      }];
    });
  },
});
