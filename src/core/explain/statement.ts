import { UserError } from '../errors.js';
import { ensureParser, ParseFailure, parseStatements } from '../migrations/sql/parser.js';

/** read: safe to execute in a READ ONLY transaction; write: changes data when executed. */
export type StatementKind = 'read' | 'write' | 'unknown';

const WRITES = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CreateTableAsStmt', 'ExecuteStmt', 'DeclareCursorStmt']);
const WRITE_MARK = /"(InsertStmt|UpdateStmt|DeleteStmt|MergeStmt|intoClause|lockingClause)"/;

export interface Classified {
  /** the statement without trailing semicolons */
  sql: string;
  kind: StatementKind;
  /** SelectStmt, UpdateStmt, … (undefined when the parser rejected it: the server will say why) */
  type?: string;
}

/**
 * Decides how a statement may be explained (explain.md §6 guards): exactly one statement, not
 * transaction control or a utility command, and whether ANALYZE would change data.
 */
export async function classifyStatement(input: string): Promise<Classified> {
  const sql = input.trim().replace(/[;\s]+$/, '');
  if (!sql) throw new UserError('no statement to explain; give one SELECT, INSERT, UPDATE, DELETE or MERGE');
  await ensureParser();
  let stmts;
  try {
    stmts = parseStatements(sql);
  } catch (err) {
    // the server's own message (with its position) is the better one: send it as a plain EXPLAIN
    if (err instanceof ParseFailure) return { sql, kind: 'unknown' };
    throw err;
  }
  if (!stmts.length) throw new UserError('no statement to explain (only comments?); give one SELECT, INSERT, UPDATE, DELETE or MERGE');
  if (stmts.length > 1) throw new UserError(`one statement at a time: found ${stmts.length}; explain them one by one`);
  const [type] = Object.keys(stmts[0]!.stmt) as [string];
  if (type === 'ExplainStmt') throw new UserError('give the statement without EXPLAIN: tablewright adds ANALYZE, BUFFERS and FORMAT JSON itself (--no-analyze for the estimate only)');
  if (type === 'TransactionStmt') throw new UserError('BEGIN, COMMIT, ROLLBACK and SAVEPOINT cannot be explained: tablewright runs the statement in its own transaction and rolls it back');
  if (type !== 'SelectStmt' && !WRITES.has(type)) {
    throw new UserError(`${type.replace(/Stmt$/, '')} cannot be explained: EXPLAIN takes SELECT, VALUES, INSERT, UPDATE, DELETE, MERGE, EXECUTE or CREATE TABLE AS`);
  }
  const kind: StatementKind = type === 'SelectStmt' && !WRITE_MARK.test(JSON.stringify(stmts[0]!.stmt)) ? 'read' : 'write';
  return { sql, kind, type };
}
