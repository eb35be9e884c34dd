import type { Connection } from '../core/db/connection.js';

/**
 * The session's connection as handed to a CLI command: commands close what `connect()` gave
 * them, which at the prompt must not close the connection the whole app runs on. Delegating
 * (rather than Object.create) because the real classes keep their state in #private fields.
 */
export function borrowedConnection(conn: Connection): Connection {
  return {
    get target() { return conn.target; },
    get server() { return conn.server; },
    get kysely() { return conn.kysely; },
    get readOnly() { return conn.readOnly; },
    get canCancel() { return conn.canCancel; },
    query: (sql, params, opts) => conn.query(sql, params, opts),
    exec: (sql, opts) => conn.exec(sql, opts),
    withSession: (fn) => conn.withSession(fn),
    cancel: () => conn.cancel(),
    setWriteMode: (on) => conn.setWriteMode(on),
    close: async () => {},
  };
}
