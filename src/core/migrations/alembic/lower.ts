import { dotted, type PyExpr, type PyStmt } from '../python/parse.js';
import type { PyComment } from '../python/tokenize.js';
import { ignoredIds } from '../sql/ignore-comments.js';
import { parseSqlText } from '../sql/source.js';
import type { LoweredFile, Problem } from '../engine.js';
import type { MigrationStatement } from '../types.js';
import { isKnownOp, renderOp } from './render.js';
import { NotUnderstood, optStr, sqlText, str } from './values.js';

type Call = Extract<PyExpr, { t: 'call' }>;

/** batch_op.NAME(args) → op.NAME(table, args) argument positions (the table goes in at this index) */
const BATCH_TABLE_AT: Record<string, number> = {
  add_column: 0, alter_column: 0, drop_column: 0, create_index: 1, drop_index: 1, create_foreign_key: 1,
  create_check_constraint: 1, create_unique_constraint: 1, create_primary_key: 1, drop_constraint: 1,
};

interface Batch { alias: string; table: PyExpr; schema?: PyExpr }

/** Lowers the body of `upgrade()` to statements: each op.* call rendered as Alembic would, placed at the call. */
export function lowerUpgrade(path: string, body: PyStmt[], comments: PyComment[]): LoweredFile {
  const out: LoweredFile = { path, source: 'alembic', statements: [], syntaxErrors: [], notUnderstood: [] };
  const ignoresFor = (line: number, endLine: number): string[] => {
    const ids: string[] = [];
    for (const c of comments) {
      const own = c.ownLine && c.line === line - 1;
      if (own || (c.line >= line && c.line <= endLine)) ids.push(...(ignoredIds(c.text) ?? []));
    }
    return ids;
  };
  const problem = (line: number, column: number, message: string, endLine = line) =>
    out.notUnderstood.push({ line, column, message, ignores: ignoresFor(line, endLine) } satisfies Problem);
  const synthetic = (kind: 'TRANS_STMT_COMMIT' | 'TRANS_STMT_BEGIN', line: number, column: number) =>
    out.statements.push({ kind: 'TransactionStmt', node: { kind }, sql: kind === 'TRANS_STMT_COMMIT' ? 'COMMIT' : 'BEGIN', line, column, ignores: [], synthetic: true });

  const emitSql = (sql: string, call: string, at: { line: number; column: number }, ignores: string[], hints?: MigrationStatement['hints'], locate?: (c: number) => { line: number; column: number }) => {
    const parsed = parseSqlText(sql, { locate: locate ?? (() => at), ignores, alembicCall: call });
    for (const s of parsed.statements) out.statements.push(hints ? { ...s, hints } : s);
    for (const e of parsed.syntaxErrors) out.syntaxErrors.push({ ...e, message: `${call}: ${e.message}` });
  };

  const handleCall = (c: Call, stmt: { line: number; column: number; endLine: number }, batch?: Batch) => {
    const fn = dotted(c.fn);
    const ignores = ignoresFor(stmt.line, stmt.endLine);
    let opName: string | undefined;
    let call = c;
    if (fn?.startsWith('op.')) opName = fn.slice(3);
    else if (batch && fn?.startsWith(`${batch.alias}.`)) {
      opName = fn.slice(batch.alias.length + 1);
      const at = BATCH_TABLE_AT[opName];
      if (opName !== 'execute') {
        if (at === undefined) return problem(stmt.line, stmt.column, `${fn}() in batch_alter_table is not understood`, stmt.endLine);
        const args = [...c.args];
        args.splice(at, 0, batch.table);
        const schemaKey = opName === 'create_foreign_key' ? 'source_schema' : 'schema';
        call = { ...c, args, kwargs: { ...c.kwargs, ...(batch.schema ? { [schemaKey]: batch.schema } : {}) } };
      }
    }
    if (!opName) return problem(stmt.line, stmt.column, `${fn ?? 'this call'}() is not an Alembic op.* call; not checked`, stmt.endLine);
    const label = `op.${opName}`;
    try {
      if (opName === 'execute') {
        const a = call.args[0];
        const lit = a?.t === 'str' ? a : a?.t === 'call' && a.args[0]?.t === 'str' ? a.args[0] : undefined;
        const sql = sqlText(a, 'op.execute argument');
        emitSql(sql, label, stmt, ignores, undefined, lit ? literalLocator(lit.v, lit.tok.contentLine ?? lit.tok.line, lit.tok.contentColumn ?? lit.tok.column) : undefined);
        return;
      }
      if (!isKnownOp(opName)) throw new NotUnderstood(`${label}() is not understood`);
      for (const r of renderOp(opName, call)) {
        emitSql(r.sql, label, stmt, ignores, r.hints);
        for (const m of r.omitted ?? []) problem(stmt.line, stmt.column, `${label}: ${m}; that part is not checked`, stmt.endLine);
      }
    } catch (err) {
      if (!(err instanceof NotUnderstood)) throw err;
      problem(stmt.line, stmt.column, `${label}: ${err.message}; not checked`, stmt.endLine);
    }
  };

  const walk = (stmts: PyStmt[], batch?: Batch) => {
    for (const s of stmts) {
      if (s.t === 'pass' || s.t === 'import') continue;
      if (s.t === 'expr') {
        if (s.e.t === 'call') handleCall(s.e, s, batch);
        else if (s.e.t !== 'str') problem(s.line, s.column, 'expression statement not understood; not checked', s.endLine);
        continue;
      }
      if (s.t === 'with' && s.items.length === 1) {
        const e = s.items[0]!.e;
        const fn = e.t === 'call' ? dotted(e.fn) : undefined;
        // op.get_context().autocommit_block(): commits the migration's transaction, runs outside one, then begins again
        if (e.t === 'call' && e.fn.t === 'attr' && e.fn.name === 'autocommit_block' && e.fn.obj.t === 'call' && dotted(e.fn.obj.fn) === 'op.get_context') {
          synthetic('TRANS_STMT_COMMIT', s.line, s.column);
          walk(s.body, batch);
          synthetic('TRANS_STMT_BEGIN', s.line, s.column);
          continue;
        }
        if (e.t === 'call' && fn === 'op.batch_alter_table' && s.items[0]!.as) {
          try {
            str(e.args[0] ?? e.kwargs.table_name, 'batch table name');
            const recreate = optStr(e.kwargs.recreate, 'recreate');
            // recreate="always" copies the table into a new one even on PostgreSQL: a different operation entirely
            if (recreate === 'always') throw new NotUnderstood('batch_alter_table(recreate="always") copies the whole table; not checked');
            walk(s.body, { alias: s.items[0]!.as!, table: (e.args[0] ?? e.kwargs.table_name)!, schema: e.kwargs.schema });
          } catch (err) {
            if (!(err instanceof NotUnderstood)) throw err;
            problem(s.line, s.column, `op.batch_alter_table: ${err.message}`);
          }
          continue;
        }
      }
      const what = s.t === 'assign' ? `assignment to ${s.target}` : s.t === 'other' ? `"${s.what}" block` : s.t === 'def' ? 'nested function' : 'with block';
      problem(s.line, 'column' in s ? s.column : 1, `${what} in upgrade() is not understood; the reader does not run Python, so its effect is not checked`);
    }
  };
  walk(body);
  return out;
}

/** Maps offsets in a string literal's value to file positions (exact for literals without escapes). */
function literalLocator(value: string, line: number, column: number): (c: number) => { line: number; column: number } {
  return (offset) => {
    const before = value.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    const lines = before.split('\n').length - 1;
    return { line: line + lines, column: nl < 0 ? column + offset : offset - nl };
  };
}
