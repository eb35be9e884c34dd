import type { Connection, QueryResult } from '../core/db/connection.js';
import { statementError } from '../core/db/errors.js';
import { cellText } from './cell.js';
import { errorOutput, type Output, type TableBlock } from './output.js';
import { errorPosition } from './sql-error.js';

export interface SqlOptions {
  /** run inside a READ ONLY transaction even if the connection itself allows writes */
  readOnly: boolean;
  timing: boolean;
  /** rows kept per result; the grid and the REPL never hold more than this */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 1000;

/**
 * Runs what the user typed, one or more statements, over the simple protocol (so
 * `select 1; select 2` works as in psql). Failures come back as an Output with the server's
 * position marker, never as a thrown error: the prompt must survive any SQL.
 */
export async function runSql(conn: Connection, sql: string, o: SqlOptions): Promise<Output> {
  const t0 = performance.now();
  let results: QueryResult[];
  try {
    results = o.readOnly && !conn.readOnly
      ? await conn.withSession(async (s) => {
        await s.exec('BEGIN READ ONLY');
        const r = await s.exec(sql);
        await s.exec('COMMIT');
        return r;
      })
      : await conn.exec(sql);
  } catch (err) {
    const out = errorOutput(statementError(err).message, errorPosition(err, sql));
    if (isConnectionLoss(err)) out.connectionLost = true;
    return out;
  }
  const ms = performance.now() - t0;
  const max = o.maxRows ?? DEFAULT_MAX_ROWS;
  const blocks: TableBlock[] = [];
  const notes: string[] = [];
  for (const r of results) {
    if (r.fields.length) {
      const rows = r.rows.slice(0, max).map((row) => r.fields.map((f) => cellText((row as Record<string, unknown>)[f.name])));
      const n = r.rows.length;
      const footer = [n > max ? `(first ${max} of ${n} rows)` : `(${n} row${n === 1 ? '' : 's'})`];
      blocks.push({ kind: 'table', columns: r.fields.map((f) => f.name), rows, footer });
    } else {
      notes.push(r.command ? `${r.command}${r.rowCount !== null && /INSERT|UPDATE|DELETE|SELECT|MERGE|COPY|FETCH|MOVE/.test(r.command) ? ` ${r.rowCount}` : ''}` : 'OK');
    }
  }
  const last = blocks.at(-1);
  const summary = [...notes, ...(last ? [last.footer![0]!.replace(/[()]/g, '')] : [])].join('; ') || 'OK';
  return { blocks, status: o.timing ? `${summary} · Time: ${ms.toFixed(1)} ms` : summary };
}

const LOST_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001']);

/** Whether an error means the server went away (restart, network drop), not that the SQL was wrong. */
export function isConnectionLoss(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code && LOST_CODES.has(e.code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection|server closed the connection|not queryable/i.test(e?.message ?? '');
}
