import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';

const require = createRequire(import.meta.url);

/**
 * Kysely over a pg-compatible pool, made on first use: importing it costs ~85 ms (some 300
 * modules) at every start, and most runs (the TUI's first frame, the CLI commands) never use it.
 */
export function lazyKysely(pool: unknown): () => Kysely<any> {
  let k: Kysely<any> | undefined;
  return () => {
    if (!k) {
      const { Kysely: K, PostgresDialect } = require('kysely') as typeof import('kysely');
      k = new K<any>({ dialect: new PostgresDialect({ pool: pool as never }) });
    }
    return k;
  };
}
