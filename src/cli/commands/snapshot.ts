import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { UserError } from '../../core/errors.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** Refuses to replace a file that is not a snapshot already, unless --force. */
function writeOutput(path: string, text: string, force: boolean): void {
  if (existsSync(path) && !force) {
    let ours = false;
    try {
      ours = /"format": ?"tablewright-snapshot\/1"/.test(readFileSync(path, 'utf8').slice(0, 1 << 20));
    } catch {
      ours = false;
    }
    if (!ours) throw new UserError(`${path} exists and is not a Tablewright snapshot; use --force to replace it`);
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    throw new UserError(`cannot write ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'print or write a SchemaSnapshot (tablewright-snapshot/1 JSON) of the database',
  usage: 'tablewright snapshot [--schema S]… [--exclude-schema S]… [--output FILE] [--no-stats] [--lazy] [--cached] [--include-platform] [connection options]',
  options: {
    schema: { type: 'string', multiple: true },
    'exclude-schema': { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    'no-stats': { type: 'boolean' },
    lazy: { type: 'boolean' },
    cached: { type: 'boolean' },
    'include-platform': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { assertSchemasExist, loadSnapshotCached, readSnapshot, serializeSnapshot } = await import('../../core/introspect/index.js');
    const opts = {
      schemas: list(ctx.values.schema),
      excludeSchemas: list(ctx.values['exclude-schema']),
      stats: !ctx.values['no-stats'],
      definitions: ctx.values.lazy ? ('lazy' as const) : ('eager' as const),
      includePlatform: !!ctx.values['include-platform'],
    };
    const conn = await ctx.connect();
    try {
      await assertSchemasExist(conn, opts);
      const snap = ctx.values.cached ? (await loadSnapshotCached(conn, opts)).snapshot : await readSnapshot(conn, opts);
      const text = serializeSnapshot(snap);
      const out = ctx.values.output as string | undefined;
      if (out) {
        writeOutput(out, text, !!ctx.values.force);
        const n = Object.values(snap.schemas).reduce((a, s) => a + Object.keys(s.tables).length, 0);
        ctx.err(`wrote ${out}: ${Object.keys(snap.schemas).length} schemas, ${n} tables${snap.unavailable.length ? `; unavailable: ${snap.unavailable.map((u) => u.catalog).join(', ')}` : ''}\n`);
      } else ctx.out(text);
      for (const u of snap.unavailable) ctx.err(`warning: ${u.catalog} could not be read (${u.reason}); that part of the snapshot is empty\n`);
      return 0;
    } finally {
      await conn.close();
    }
  },
};
