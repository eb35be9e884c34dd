import type { Command } from '../command.js';
import { UserError } from '../../core/errors.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: '\\d-style description of one table (columns, indexes, constraints, FKs both ways, policies, triggers, size) or the list of relations',
  usage: 'tablewright inspect [[schema.]TABLE] [--schema S]… [--json] [connection options]',
  options: { json: { type: 'boolean' }, schema: { type: 'string', multiple: true } },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { describeRelations, describeTable, findRelation, readRelationList, readRelationSize, readSnapshot, referencedBy } = await import('../../core/introspect/index.js');
    if (ctx.positionals.length > 1) throw new UserError(`inspect takes one table name, got ${ctx.positionals.length}; see tablewright inspect --help`);
    const schemas = (ctx.values.schema as string[] | undefined) ?? [];
    const conn = await ctx.connect();
    try {
      const wanted = ctx.positionals[0];
      if (wanted === undefined) {
        const items = await readRelationList(conn, { schemas });
        ctx.out(ctx.values.json ? JSON.stringify(items, null, 2) + '\n' : describeRelations(items));
        return 0;
      }
      const snap = await readSnapshot(conn, { stats: false });
      const rel = findRelation(snap, wanted);
      if (rel.kind !== 'table') {
        throw new UserError(`${rel.schema}.${rel.name} is a ${rel.kind === 'materializedView' ? 'materialized view' : rel.kind}; inspect describes tables (use tablewright snapshot for the rest)`);
      }
      const table = snap.schemas[rel.schema]!.tables[rel.name]!;
      const size = await readRelationSize(conn, rel.schema, rel.name);
      if (ctx.values.json) {
        const referenced = referencedBy(snap, rel.schema, rel.name).map((r) => ({ table: r.from, constraint: r.fk.name }));
        ctx.out(JSON.stringify({ schema: rel.schema, table, referencedBy: referenced, size }, null, 2) + '\n');
        return 0;
      }
      ctx.out(describeTable(snap, rel.schema, table, size));
      return 0;
    } finally {
      await conn.close();
    }
  },
};
