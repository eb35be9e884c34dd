import { typeInfo } from '../ast.js';
import { columnConstraints, defineRule, existingAlterCmds, lockText } from './helpers.js';

const SERIAL = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);

export const MS14 = defineRule({
  id: 'MS14',
  name: 'add-auto-increment-column',
  category: 'migration',
  severity: 'error',
  kinds: ['AlterTableStmt'],
  why: 'Adding a serial or identity column fills every existing row from a sequence, which rewrites the table under ACCESS EXCLUSIVE.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_AddColumn').flatMap(({ rel, cmd }) => {
      const col = cmd.def.ColumnDef;
      const type = typeInfo(col.typeName)?.name ?? '';
      const identity = columnConstraints(col).some((c) => c.contype === 'CONSTR_IDENTITY');
      if (!SERIAL.has(type) && !identity) return [];
      return [{
        target: { schema: rel.schema, table: rel.name, object: col.colname as string },
        message: `ADD COLUMN ${col.colname} ${identity ? 'GENERATED … AS IDENTITY' : type} ${lockText(ctx, 'ACCESS EXCLUSIVE', rel, 'rewrite')}`,
        fix: { steps: ['add a plain nullable bigint column', 'create a sequence and SET DEFAULT nextval(…) for new rows', 'backfill old rows in batches', 'make it NOT NULL the safe way (MS07); or build a new table and copy'] },
      }];
    });
  },
});
