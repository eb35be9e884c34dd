import { existsSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import type { AlembicStatus } from '../../core/migrations/index.js';
import type { Command } from '../command.js';
import { connectionGiven } from './check-migration.js';

/** Whether the graph has a problem worth a non-zero exit (pending revisions are normal, not a problem). */
export const statusHasProblems = (s: AlembicStatus): boolean =>
  s.heads.length > 1 || s.missingTargets.length > 0 || s.duplicates.length > 0 || s.problems.length > 0 || s.revisions.some((r) => r.downgrade !== 'ok') || (s.database?.unknownCurrent.length ?? 0) > 0;

export function statusText(s: AlembicStatus): string {
  const L: string[] = [];
  L.push(`${s.dir}: ${s.revisions.length} revision(s), ${s.heads.length} head(s): ${s.heads.join(', ') || '(none)'}`);
  if (s.heads.length > 1) L.push(`  multiple heads: "alembic upgrade head" refuses; merge them: alembic merge -m 'merge heads' ${s.heads.join(' ')}`);
  if (s.bases.length > 1) L.push(`  ${s.bases.length} base revisions (down_revision = None): ${s.bases.join(', ')}`);
  for (const b of s.branchPoints) L.push(`  branch point ${b.revision} → ${b.children.join(', ')}`);
  for (const m of s.merges) L.push(`  merge point ${m.revision} ← ${m.parents.join(', ')}`);
  for (const m of s.missingTargets) L.push(`  missing: ${m.revision} (${m.path}) has ${m.via} "${m.target}", which no file defines`);
  for (const d of s.duplicates) L.push(`  duplicate revision id ${d.revision}: ${d.paths.join(', ')}`);
  for (const r of s.revisions.filter((x) => x.downgrade !== 'ok')) L.push(`  ${r.downgrade === 'missing' ? 'no downgrade()' : 'empty downgrade()'}: ${r.revision} (${r.path})`);
  for (const p of s.problems) L.push(`  unreadable: ${p.path}: ${p.reason}`);
  if (s.database) {
    const d = s.database;
    if (!d.hasVersionTable) L.push('database: no alembic_version table (never migrated)');
    else L.push(`database: at ${d.current.join(', ') || '(empty alembic_version)'}`);
    for (const u of d.unknownCurrent) L.push(`  database revision ${u} is not in ${s.dir}`);
    L.push(d.pending.length ? `pending (${d.pending.length}, in upgrade order): ${d.pending.join(', ')}` : 'pending: none, the database is up to date');
  }
  return L.join('\n') + '\n';
}

export const migrationsCommand: Command = {
  name: 'migrations',
  summary: 'Alembic revision graph: heads, branches, merges, missing targets, duplicates, missing downgrades; with a connection the database revision and pending ones',
  usage: 'tablewright migrations status [--dir alembic/versions] [--format text|json] (connects only with --url/--service/--db/--demo or DATABASE_URL)',
  options: { dir: { type: 'string' }, format: { type: 'string' } },
  connects: true,
  async run(ctx) {
    const { alembicStatus } = await import('../../core/migrations/index.js');
    const [sub, ...rest] = ctx.positionals;
    if (sub !== 'status') throw new UserError(sub ? `unknown migrations subcommand "${sub}"; use: tablewright migrations status --dir DIR` : 'use: tablewright migrations status --dir DIR');
    if (rest.length) throw new UserError(`unexpected argument "${rest[0]}"; give the directory with --dir`);
    const format = (ctx.values.format as string | undefined) ?? 'text';
    if (!['text', 'json'].includes(format)) throw new UserError(`--format ${format}: use text or json`);
    const dir = (ctx.values.dir as string | undefined) ?? (existsSync('alembic/versions') ? 'alembic/versions' : undefined);
    if (!dir) throw new UserError('no --dir given and no alembic/versions here; use --dir PATH/TO/versions');
    const conn = connectionGiven(ctx) ? await ctx.connect() : undefined;
    try {
      const status = await alembicStatus(dir, conn);
      ctx.out(format === 'json' ? JSON.stringify(status, null, 2) + '\n' : statusText(status));
      return statusHasProblems(status) ? 1 : 0;
    } finally {
      await conn?.close();
    }
  },
};
