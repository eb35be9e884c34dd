import type { SchemaSnapshot, Table } from '../introspect/types.js';
import { isNotNullTest, objectName, relName, typeInfo, type RelName, type TypeInfo } from './ast.js';
import { statementLock } from './locks.js';
import type { MigrationStatement, PgNode } from './types.js';

interface AddedConstraint { kind: string; notValid: boolean; txId?: number; notNullColumn?: string; validated: boolean }

/**
 * What the migration has done so far, tracked through the file regardless of transactions (a table
 * created earlier in the file is new even when there is no BEGIN, unlike squawk's model).
 */
export class MigrationState {
  inTx: boolean;
  txId: number | undefined;
  private nextTx = 1;
  /** the explicit BEGIN that is still open */
  openBegin: MigrationStatement | undefined;
  readonly createdTables = new Map<string, Map<string, TypeInfo | undefined>>();
  readonly createdIndexes = new Set<string>();
  readonly createdTypes = new Set<string>();
  lockTimeout = false;
  statementTimeout = false;
  utcSession = false;
  /** constraints added in this file, by `schema.table.name` */
  readonly constraints = new Map<string, AddedConstraint>();
  /** columns with a NOT NULL proved by a validated CHECK (col IS NOT NULL) added in this file */
  readonly provenNotNull = new Set<string>();
  /** the first ACCESS EXCLUSIVE lock on an existing table in each transaction */
  readonly exclusiveHeld = new Map<number, { table: string; line: number }>();
  /** enum values added, with the transaction they were added in */
  readonly enumValues = new Map<string, number | undefined>();
  /** the previous statement, for "could have been one ALTER TABLE" */
  previous: MigrationStatement | undefined;
  readonly once = new Set<string>();

  constructor(readonly runnerWraps: boolean, readonly snapshot?: SchemaSnapshot) {
    this.inTx = runnerWraps;
    this.txId = runnerWraps ? 0 : undefined;
  }

  /** whether the table existed before this migration (not created earlier in it) */
  existing(rel: RelName | undefined): boolean {
    return !!rel && !this.createdTables.has(rel.key);
  }

  snapshotTable(rel: RelName | undefined): Table | undefined {
    return rel ? this.snapshot?.schemas[rel.schema]?.tables[rel.name] : undefined;
  }

  /** the row estimate from the snapshot's statistics, when known */
  rowEstimate(rel: RelName | undefined): number | undefined {
    const r = rel ? this.snapshot?.stats?.relations[rel.key]?.rowEstimate : undefined;
    return r === undefined || r < 0 ? undefined : r;
  }

  /** The column's type before this statement: from the file, else from the snapshot. */
  columnType(rel: RelName, column: string): { type?: TypeInfo; catalog?: string } | undefined {
    const created = this.createdTables.get(rel.key);
    if (created?.has(column)) return { type: created.get(column) };
    const col = this.snapshotTable(rel)?.columns.find((c) => c.name === column);
    return col ? { catalog: col.type } : undefined;
  }

  /** Advances the state past one statement. */
  apply(stmt: MigrationStatement): void {
    const n = stmt.node;
    switch (stmt.kind) {
      case 'TransactionStmt':
        this.applyTransaction(stmt);
        break;
      case 'VariableSetStmt': {
        const name = String(n.name ?? '').toLowerCase();
        if (name === 'lock_timeout') this.lockTimeout = true;
        if (name === 'statement_timeout') this.statementTimeout = true;
        if (name === 'timezone') {
          const c = n.args?.[0]?.A_Const as PgNode | undefined;
          // `SET TIME ZONE 0` parses as an integer constant whose zero value is omitted
          this.utcSession = c?.sval ? ['UTC', 'ETC/UTC', 'GMT', 'Z', 'ZULU', 'UCT'].includes(String(c.sval.sval).toUpperCase()) : c?.ival !== undefined ? !c.ival.ival : false;
        }
        break;
      }
      case 'CreateStmt':
      case 'CreateTableAsStmt': {
        const rel = relName(n.relation ?? n.into?.rel);
        if (!rel) break;
        const cols = new Map<string, TypeInfo | undefined>();
        for (const e of (n.tableElts ?? []) as PgNode[]) if (e.ColumnDef) cols.set(e.ColumnDef.colname, typeInfo(e.ColumnDef.typeName));
        this.createdTables.set(rel.key, cols);
        break;
      }
      case 'IndexStmt':
        if (n.idxname) this.createdIndexes.add(n.idxname);
        break;
      case 'CreateEnumStmt':
        this.createdTypes.add(objectName({ List: { items: n.typeName } }).join('.'));
        break;
      case 'CreateDomainStmt':
        this.createdTypes.add(objectName({ List: { items: n.domainname } }).join('.'));
        break;
      case 'AlterEnumStmt':
        if (n.newVal && !n.oldVal) this.enumValues.set(n.newVal, this.txId);
        break;
      case 'AlterTableStmt':
        this.applyAlter(stmt);
        break;
      case 'DropStmt':
        if (n.removeType === 'OBJECT_TABLE') for (const o of (n.objects ?? []) as PgNode[]) {
          const parts = objectName(o);
          this.createdTables.delete(parts.length > 1 ? parts.join('.') : `public.${parts[0]}`);
        }
        break;
      case 'RenameStmt':
        if (n.renameType === 'OBJECT_TABLE') {
          const rel = relName(n.relation);
          if (rel && this.createdTables.has(rel.key)) {
            this.createdTables.set(`${rel.schema}.${n.newname}`, this.createdTables.get(rel.key)!);
            this.createdTables.delete(rel.key);
          }
        }
        break;
    }
    const lock = statementLock(stmt);
    if (lock?.mode === 'ACCESS EXCLUSIVE' && this.txId !== undefined && this.existing(lock.table) && !this.exclusiveHeld.has(this.txId)) {
      this.exclusiveHeld.set(this.txId, { table: lock.table.key, line: stmt.line });
    }
    this.previous = stmt;
  }

  private applyTransaction(stmt: MigrationStatement): void {
    const kind = stmt.node.kind as string;
    if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
      if (this.inTx) return;
      this.inTx = true;
      this.txId = this.nextTx++;
      if (!stmt.synthetic) this.openBegin = stmt;
    } else if (['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_COMMIT_PREPARED', 'TRANS_STMT_ROLLBACK_PREPARED', 'TRANS_STMT_PREPARE'].includes(kind)) {
      this.inTx = false;
      this.txId = undefined;
      this.openBegin = undefined;
    }
  }

  private applyAlter(stmt: MigrationStatement): void {
    const rel = relName(stmt.node.relation);
    if (!rel) return;
    const created = this.createdTables.get(rel.key);
    for (const c of (stmt.node.cmds ?? []) as PgNode[]) {
      const cmd = c.AlterTableCmd as PgNode;
      if (cmd.subtype === 'AT_AddColumn' && created) created.set(cmd.def.ColumnDef.colname, typeInfo(cmd.def.ColumnDef.typeName));
      if (cmd.subtype === 'AT_AlterColumnType' && created) created.set(cmd.name, typeInfo(cmd.def?.ColumnDef?.typeName));
      if (cmd.subtype === 'AT_AddConstraint') {
        const con = cmd.def?.Constraint as PgNode | undefined;
        if (!con) continue;
        // NOT VALID is ignored on a table created in the same file: the constraint is created valid (§4)
        const notValid = !!con.skip_validation && !created;
        const notNullColumn = con.contype === 'CONSTR_CHECK' ? singleNotNullColumn(con.raw_expr) : undefined;
        const entry: AddedConstraint = { kind: con.contype, notValid, txId: this.txId, notNullColumn, validated: !notValid };
        if (con.conname) this.constraints.set(`${rel.key}.${con.conname}`, entry);
        if (notNullColumn && entry.validated) this.provenNotNull.add(`${rel.key}.${notNullColumn}`);
      }
      if (cmd.subtype === 'AT_ValidateConstraint') {
        const entry = this.constraints.get(`${rel.key}.${cmd.name}`);
        if (entry) {
          entry.validated = true;
          if (entry.notNullColumn) this.provenNotNull.add(`${rel.key}.${entry.notNullColumn}`);
        }
      }
      if (cmd.subtype === 'AT_DropConstraint') {
        const entry = this.constraints.get(`${rel.key}.${cmd.name}`);
        if (entry?.notNullColumn) this.provenNotNull.delete(`${rel.key}.${entry.notNullColumn}`);
      }
    }
  }
}

/** the column of a `CHECK (col IS NOT NULL)` */
function singleNotNullColumn(expr: PgNode | undefined): string | undefined {
  const t = expr?.NullTest;
  if (!t || t.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const name = t.arg?.ColumnRef?.fields?.[0]?.String?.sval as string | undefined;
  return name && isNotNullTest(expr, name) ? name : undefined;
}
