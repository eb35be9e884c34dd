import type pg from 'pg';
import type { QueryOptions, QueryResult, Session } from './connection.js';

type PgClient = Pick<pg.ClientBase, 'query'>;

function toResult<R>(r: pg.QueryResult): QueryResult<R> {
  return {
    command: r.command,
    rowCount: r.rowCount,
    rows: r.rows as R[],
    fields: (r.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  };
}

/** A Session over one pg client (a server backend or the PGlite adapter). */
export function sessionOf(client: PgClient): Session {
  return {
    async query<R>(sql: string, params?: unknown[], opts?: QueryOptions) {
      const r = await client.query({ text: sql, values: params, rowMode: opts?.rowMode } as pg.QueryConfig);
      return toResult<R>(r);
    },
    async exec(sql: string, opts?: QueryOptions) {
      const r = (await client.query({ text: sql, rowMode: opts?.rowMode } as pg.QueryConfig)) as unknown as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r : [r]).map((x) => toResult(x));
    },
  };
}
