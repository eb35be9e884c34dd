import { quoteIdent as qi } from '../../sql/ident.js';
import type { PyExpr } from '../python/parse.js';
import type { MigrationStatement } from '../types.js';
import { qualified, renderColumn, serverDefault } from './columns.js';
import { NotUnderstood, bool, callName, optStr, sqlText, sqlType, str, strList } from './values.js';

type Call = Extract<PyExpr, { t: 'call' }>;

/** What one Alembic call renders to: SQL statements (parsed later) with facts the SQL cannot carry. */
export interface Rendered {
  sql: string;
  hints?: MigrationStatement['hints'];
  /** parts of the call left out of `sql` because they are not understood (reported, not guessed) */
  omitted?: string[];
}

const kwSchema = (c: Call, key = 'schema') => optStr(c.kwargs[key], key);

/** `"schema.table"` in a ForeignKey target, split */
function fkTable(t: string): string {
  const i = t.lastIndexOf('.');
  return i < 0 ? qi(t) : `${qi(t.slice(0, i))}.${qi(t.slice(i + 1))}`;
}

const fkActions = (c: Call) => [
  c.kwargs.ondelete ? ` ON DELETE ${str(c.kwargs.ondelete, 'ondelete').toUpperCase()}` : '',
  c.kwargs.onupdate ? ` ON UPDATE ${str(c.kwargs.onupdate, 'onupdate').toUpperCase()}` : '',
].join('');

/** Alembic's `existing_type=` as catalog-style text, for the type-change rules */
function existingType(c: Call): string | undefined {
  const e = c.kwargs.existing_type;
  if (!e) return undefined;
  try {
    return sqlType(e);
  } catch {
    return undefined;
  }
}

const ARGS: Record<string, string[]> = {
  create_table: ['table_name'],
  add_column: ['table_name', 'column'],
  alter_column: ['table_name', 'column_name'],
  drop_column: ['table_name', 'column_name'],
  create_index: ['index_name', 'table_name', 'columns'],
  drop_index: ['index_name', 'table_name'],
  create_foreign_key: ['constraint_name', 'source_table', 'referent_table', 'local_cols', 'remote_cols'],
  create_check_constraint: ['constraint_name', 'table_name', 'condition'],
  create_unique_constraint: ['constraint_name', 'table_name', 'columns'],
  create_primary_key: ['constraint_name', 'table_name', 'columns'],
  drop_constraint: ['constraint_name', 'table_name'],
  drop_table: ['table_name'],
  rename_table: ['old_table_name', 'new_table_name'],
};

/** positional or keyword argument by Alembic's parameter name */
function arg(c: Call, op: string, name: string): PyExpr | undefined {
  const i = ARGS[op]?.indexOf(name) ?? -1;
  return c.kwargs[name] ?? (i >= 0 ? c.args[i] : undefined);
}

const KNOWN = new Set([...Object.keys(ARGS), 'execute']);
export const isKnownOp = (name: string): boolean => KNOWN.has(name);

/** Renders one `op.NAME(...)` call the way Alembic 1.x does for PostgreSQL (rules.md §10). */
export function renderOp(op: string, c: Call): Rendered[] {
  if (c.starred) throw new NotUnderstood(`op.${op}(*…) with unpacked arguments is not understood`);
  const a = (n: string) => arg(c, op, n);
  switch (op) {
    case 'create_table': {
      const table = qualified(str(a('table_name'), 'table name'), kwSchema(c));
      const elts: string[] = [];
      const pk: string[] = [];
      const omitted: string[] = [];
      // one unknown column type must not hide that the table is new (later ops on it are exempt)
      for (const e of c.args.slice(1)) try {
        const kind = callName(e);
        if (kind === 'Column') {
          const col = renderColumn(e, { inCreateTable: true });
          elts.push(col.sql);
          if (col.primary) pk.push(qi(col.name));
          for (const fk of col.foreignKeys) elts.push(`FOREIGN KEY(${qi(col.name)}) REFERENCES ${fkTable(fk.table)} (${qi(fk.column)})${fk.ondelete ? ` ON DELETE ${fk.ondelete.toUpperCase()}` : ''}`);
        } else if (e.t === 'call' && kind === 'PrimaryKeyConstraint') pk.push(...e.args.map((x) => qi(str(x, 'primary key column'))));
        else if (e.t === 'call' && kind === 'UniqueConstraint') elts.push(`UNIQUE (${e.args.map((x) => qi(str(x, 'unique column'))).join(', ')})`);
        else if (e.t === 'call' && kind === 'CheckConstraint') elts.push(`CHECK (${sqlText(e.args[0], 'check condition')})`);
        else if (e.t === 'call' && kind === 'ForeignKeyConstraint') {
          const targets = strList(e.args[1], 'referenced columns');
          const t0 = targets[0]!;
          elts.push(`FOREIGN KEY(${strList(e.args[0], 'columns').map(qi).join(', ')}) REFERENCES ${fkTable(t0.slice(0, t0.lastIndexOf('.')))} (${targets.map((t) => qi(t.slice(t.lastIndexOf('.') + 1))).join(', ')})${fkActions(e)}`);
        } else throw new NotUnderstood(`create_table element ${kind ?? 'expression'} is not understood`);
      } catch (err) {
        if (!(err instanceof NotUnderstood)) throw err;
        omitted.push(err.message);
      }
      if (pk.length) elts.push(`PRIMARY KEY (${pk.join(', ')})`);
      return [{ sql: `CREATE TABLE ${table} (${elts.join(', ')})`, ...(omitted.length ? { omitted } : {}) }];
    }
    case 'add_column': {
      const table = qualified(str(a('table_name'), 'table name'), kwSchema(c));
      const col = renderColumn(a('column'), { inCreateTable: false });
      const ine = bool(c.kwargs.if_not_exists, 'if_not_exists') ? 'IF NOT EXISTS ' : '';
      // sa.ForeignKey on add_column becomes a separate, validating ADD FOREIGN KEY (rules.md §4, §10)
      return [
        { sql: `ALTER TABLE ${table} ADD COLUMN ${ine}${col.sql}` },
        ...col.foreignKeys.map((fk) => ({ sql: `ALTER TABLE ${table} ADD FOREIGN KEY(${qi(col.name)}) REFERENCES ${fkTable(fk.table)} (${qi(fk.column)})${fk.ondelete ? ` ON DELETE ${fk.ondelete.toUpperCase()}` : ''}` })),
      ];
    }
    case 'alter_column': {
      const table = qualified(str(a('table_name'), 'table name'), kwSchema(c));
      const col = str(a('column_name'), 'column name');
      const out: Rendered[] = [];
      const alter = (s: string, hints?: Rendered['hints']) => out.push({ sql: `ALTER TABLE ${table} ALTER COLUMN ${qi(col)} ${s}`, ...(hints ? { hints } : {}) });
      for (const k of Object.keys(c.kwargs)) {
        if (!['nullable', 'type_', 'new_column_name', 'server_default', 'schema', 'postgresql_using', 'comment'].includes(k) && !k.startsWith('existing_')) throw new NotUnderstood(`alter_column(${k}=…) is not understood`);
      }
      if (c.kwargs.type_) {
        const using = c.kwargs.postgresql_using ? ` USING ${sqlText(c.kwargs.postgresql_using, 'postgresql_using')}` : '';
        const old = existingType(c);
        alter(`TYPE ${sqlType(c.kwargs.type_)}${using}`, old ? { oldType: old } : undefined);
      }
      if (c.kwargs.nullable) alter(bool(c.kwargs.nullable, 'nullable') ? 'DROP NOT NULL' : 'SET NOT NULL');
      const sd = c.kwargs.server_default;
      // server_default=False is Alembic's "unchanged"; None drops the default
      if (sd && !(sd.t === 'const' && sd.v === false)) alter(sd.t === 'const' && sd.v === null ? 'DROP DEFAULT' : `SET DEFAULT ${serverDefault(sd)}`);
      if (c.kwargs.new_column_name) out.push({ sql: `ALTER TABLE ${table} RENAME COLUMN ${qi(col)} TO ${qi(str(c.kwargs.new_column_name, 'new_column_name'))}` });
      return out;
    }
    case 'drop_column':
      return [{ sql: `ALTER TABLE ${qualified(str(a('table_name'), 'table name'), kwSchema(c))} DROP COLUMN ${qi(str(a('column_name'), 'column name'))}` }];
    case 'create_index': {
      const name = optStr(a('index_name'), 'index name');
      const table = qualified(str(a('table_name'), 'table name'), kwSchema(c));
      const colsArg = a('columns');
      const items = colsArg?.t === 'list' ? colsArg.items : colsArg ? [colsArg] : [];
      const cols = items.map((x) => (x.t === 'str' ? qi(x.v) : `(${sqlText(x, 'index expression')})`));
      const conc = bool(c.kwargs.postgresql_concurrently, 'postgresql_concurrently') ? 'CONCURRENTLY ' : '';
      const ine = bool(c.kwargs.if_not_exists, 'if_not_exists') ? 'IF NOT EXISTS ' : '';
      const using = c.kwargs.postgresql_using ? ` USING ${str(c.kwargs.postgresql_using, 'postgresql_using')}` : '';
      const where = c.kwargs.postgresql_where ? ` WHERE ${sqlText(c.kwargs.postgresql_where, 'postgresql_where')}` : '';
      return [{ sql: `CREATE ${bool(c.kwargs.unique, 'unique') ? 'UNIQUE ' : ''}INDEX ${conc}${ine}${name ? `${qi(name)} ` : ''}ON ${table}${using} (${cols.join(', ')})${where}` }];
    }
    case 'drop_index': {
      const conc = bool(c.kwargs.postgresql_concurrently, 'postgresql_concurrently') ? 'CONCURRENTLY ' : '';
      const ie = bool(c.kwargs.if_exists, 'if_exists') ? 'IF EXISTS ' : '';
      return [{ sql: `DROP INDEX ${conc}${ie}${qualified(str(a('index_name'), 'index name'), kwSchema(c))}` }];
    }
    case 'create_foreign_key': {
      const name = optStr(a('constraint_name'), 'constraint name');
      const src = qualified(str(a('source_table'), 'source table'), kwSchema(c, 'source_schema'));
      const ref = qualified(str(a('referent_table'), 'referent table'), kwSchema(c, 'referent_schema'));
      const nv = bool(c.kwargs.postgresql_not_valid, 'postgresql_not_valid') ? ' NOT VALID' : '';
      return [{ sql: `ALTER TABLE ${src} ADD ${name ? `CONSTRAINT ${qi(name)} ` : ''}FOREIGN KEY(${strList(a('local_cols'), 'local_cols').map(qi).join(', ')}) REFERENCES ${ref} (${strList(a('remote_cols'), 'remote_cols').map(qi).join(', ')})${fkActions(c)}${nv}` }];
    }
    case 'create_check_constraint': {
      const nv = bool(c.kwargs.postgresql_not_valid, 'postgresql_not_valid') ? ' NOT VALID' : '';
      const name = optStr(a('constraint_name'), 'constraint name');
      return [{ sql: `ALTER TABLE ${qualified(str(a('table_name'), 'table name'), kwSchema(c))} ADD ${name ? `CONSTRAINT ${qi(name)} ` : ''}CHECK (${sqlText(a('condition'), 'condition')})${nv}` }];
    }
    case 'create_unique_constraint':
    case 'create_primary_key': {
      const name = optStr(a('constraint_name'), 'constraint name');
      const kind = op === 'create_unique_constraint' ? 'UNIQUE' : 'PRIMARY KEY';
      return [{ sql: `ALTER TABLE ${qualified(str(a('table_name'), 'table name'), kwSchema(c))} ADD ${name ? `CONSTRAINT ${qi(name)} ` : ''}${kind} (${strList(a('columns'), 'columns').map(qi).join(', ')})` }];
    }
    case 'drop_constraint': {
      const type = optStr(c.kwargs.type_, 'type_');
      const kinds: Record<string, NonNullable<Rendered['hints']>['constraintKind']> = { foreignkey: 'foreignkey', primary: 'primary', unique: 'unique', check: 'check' };
      const kind = type ? kinds[type] : undefined;
      return [{ sql: `ALTER TABLE ${qualified(str(a('table_name'), 'table name'), kwSchema(c))} DROP CONSTRAINT ${qi(str(a('constraint_name'), 'constraint name'))}`, ...(kind ? { hints: { constraintKind: kind } } : {}) }];
    }
    case 'drop_table':
      return [{ sql: `DROP TABLE ${qualified(str(a('table_name'), 'table name'), kwSchema(c))}` }];
    case 'rename_table':
      return [{ sql: `ALTER TABLE ${qualified(str(a('old_table_name'), 'table name'), kwSchema(c))} RENAME TO ${qi(str(a('new_table_name'), 'new table name'))}` }];
    default:
      throw new NotUnderstood(`op.${op}() is not understood`);
  }
}
