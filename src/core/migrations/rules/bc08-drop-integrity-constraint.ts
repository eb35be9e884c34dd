import { defineRule, existingAlterCmds } from './helpers.js';

const KIND_TEXT = { foreignkey: 'foreign key', primary: 'primary key', unique: 'unique constraint' } as const;

export const BC08 = defineRule({
  id: 'BC08',
  name: 'drop-integrity-constraint',
  category: 'migration',
  severity: 'warning',
  kinds: ['AlterTableStmt'],
  why: 'Without the FK, PK or UNIQUE constraint the database stops preventing orphans and duplicates; dropping an FK also takes ACCESS EXCLUSIVE on both tables.',
  check(ctx) {
    return existingAlterCmds(ctx, 'AT_DropConstraint').flatMap(({ rel, cmd }) => {
      const name = cmd.name as string;
      if (ctx.state.constraints.has(`${rel.key}.${name}`)) return [];
      const t = ctx.state.snapshotTable(rel);
      // the kind comes from Alembic's type_= or the live schema; a bare name is not guessed at
      const kind = ctx.stmt.hints?.constraintKind
        ?? (t?.foreignKeys.some((k) => k.name === name) ? 'foreignkey' : t?.primaryKey?.name === name ? 'primary' : t?.uniques.some((u) => u.name === name) ? 'unique' : undefined);
      if (!kind || kind === 'check') return [];
      return [{
        target: { schema: rel.schema, table: rel.name, object: name },
        message: `drops ${KIND_TEXT[kind]} ${name} on ${rel.key}${kind === 'foreignkey' ? ' (ACCESS EXCLUSIVE on both tables while it runs)' : ''}: the database stops enforcing it`,
      }];
    });
  },
});
