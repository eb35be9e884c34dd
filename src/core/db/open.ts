import { UserError } from '../errors.js';
import { resolveTarget, type ConnectionOptions, type ResolveContext } from './conninfo/resolve.js';
import type { Target } from './conninfo/types.js';
import type { Connection } from './connection.js';
import { openServer, type ServerOptions } from './server-connection.js';
import type { PgpassProblem } from './conninfo/pgpass.js';

export interface OpenOptions extends ServerOptions {
  /** called when the demo database has to be built first (it takes a few seconds) */
  onDemoProgress?: (step: string, done: number, total: number) => void;
}

export interface Opened { connection: Connection; pgpassProblem?: PgpassProblem }

/** Resolves the target from options and environment, and connects (building the demo if needed). */
export async function connect(opts: ConnectionOptions, ctx: ResolveContext, o: OpenOptions = {}): Promise<Opened> {
  const { target, pgpassProblem } = resolveTarget(opts, ctx);
  const connection = await openTarget(target, o, pgpassProblem);
  return { connection, pgpassProblem };
}

export async function openTarget(target: Target, o: OpenOptions = {}, pgpass?: PgpassProblem): Promise<Connection> {
  if (target.kind === 'server') return openServer(target, o, pgpass);
  if (target.demo) {
    const { ensureDemoElsewhere } = await import('../demo/build-elsewhere.js');
    await ensureDemoElsewhere(target.dataDir, o.onDemoProgress);
  }
  // PGlite (~50 ms to import) only for embedded targets
  const { openEmbedded } = await import('./embedded-connection.js');
  const conn = await openEmbedded(target, { statementTimeoutMs: o.statementTimeoutMs });
  if (!conn.server.versionNum) throw new UserError(`the embedded database at ${target.dataDir} did not report a version`);
  return conn;
}
