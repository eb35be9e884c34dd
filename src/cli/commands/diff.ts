import { homedir, userInfo } from 'node:os';
import { UserError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { listOption } from '../option-values.js';

const FORMATS = ['sql', 'alembic', 'json'] as const;
type Format = (typeof FORMATS)[number];

function formatOption(v: unknown): Format {
  const f = (v as string | undefined) ?? 'sql';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UserError(`--format ${f}: expected one of ${FORMATS.join(', ')}`);
  return f as Format;
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? 'postgres';
  }
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'schema diff → migration: ordered, safe SQL or an Alembic revision (upgrade + downgrade) between two schemas',
  usage: 'tablewright diff [--from SOURCE] --to SOURCE [--format sql|alembic|json] [--rename [schema.]table[.column]=new]… [--no-renames] [--output FILE|DIR] [--message TEXT] [--down-revision ID] [--pg-version N] [--force]   (SOURCE: snapshot .json, .sql schema, SQLAlchemy models package dir/, URL, saved connection or demo; --from defaults to the connection options)',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    rename: { type: 'string', multiple: true },
    'no-renames': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    message: { type: 'string', short: 'm' },
    revision: { type: 'string' },
    'down-revision': { type: 'string' },
    'pg-version': { type: 'string' },
    schema: { type: 'string', multiple: true },
    'exclude-schema': { type: 'string', multiple: true },
    force: { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { alembicTarget, computeMigration, loadDiffSource, newRevisionId, renderAlembicRevision, renderSqlMigration, writeMigrationFile } = await import('../../core/diff/index.js');
    const { resolveSpec } = await import('../resolve-spec.js');
    const { demoDir } = await import('../../core/paths.js');
    const v = ctx.values;
    const format = formatOption(v.format);
    const to = v.to as string | undefined;
    if (!to) throw new UserError('diff needs --to SOURCE: a snapshot .json, a .sql schema file, a connection URL or demo (--from defaults to the connection options)');
    const pgVersion = v['pg-version'] === undefined ? undefined : Number(v['pg-version']);
    if (pgVersion !== undefined && !(Number.isInteger(pgVersion) && pgVersion >= 10 && pgVersion <= 99)) throw new UserError(`--pg-version ${v['pg-version']}: expected a major version such as 15`);
    const filter = { schemas: listOption(v.schema), excludeSchemas: listOption(v['exclude-schema']) };
    const resolveCtx = { env: ctx.env, home: homedir(), osUser: osUser(ctx.env), demoDir: demoDir(ctx.env) };
    const load = (spec: string | undefined) => loadDiffSource(spec, { current: () => ctx.connect(), resolve: (s) => resolveSpec(s, resolveCtx), filter, python: ctx.env.TW_PYTHON });
    const from = await load(v.from as string | undefined);
    const target = await load(to);
    const { diff, plan } = computeMigration({ from, to: target, renames: listOption(v.rename), noRenames: !!v['no-renames'], pgVersion });
    const output = v.output as string | undefined;
    if (format === 'json') {
      const text = JSON.stringify({ changes: diff.changes.map(({ from: _f, to: _t, ...c }) => c), renameCandidates: diff.renameCandidates, plan }, null, 2) + '\n';
      if (output) writeMigrationFile(output, text, !!v.force);
      else ctx.out(text);
    } else {
      for (const c of diff.changes) ctx.err(`${c.risk === 'breaking' ? '!' : c.risk === 'caution' ? '~' : ' '} ${c.summary}\n`);
      for (const w of plan.warnings) ctx.err(`warning: ${w}\n`);
      if (!diff.changes.length) ctx.err('no changes\n');
      if (format === 'sql') {
        const sql = renderSqlMigration(plan);
        if (output) {
          const down = output.replace(/(\.sql)?$/i, '.down.sql');
          writeMigrationFile(output, sql.upgrade, !!v.force);
          writeMigrationFile(down, sql.downgrade, !!v.force);
          ctx.err(`wrote ${output} and ${down}\n`);
        } else ctx.out(sql.upgrade);
      } else {
        const message = (v.message as string | undefined) ?? 'schema diff';
        const revision = (v.revision as string | undefined) ?? newRevisionId();
        const where = output ? await alembicTarget(output, message, revision, v['down-revision'] as string | undefined) : { path: undefined, downRevision: (v['down-revision'] as string | undefined) ?? null };
        const text = renderAlembicRevision(plan, { revision, downRevision: where.downRevision, message, createDate: new Date().toISOString().replace('T', ' ').slice(0, 19) });
        if (where.path) {
          writeMigrationFile(where.path, text, !!v.force);
          ctx.err(`wrote ${where.path} (revision ${revision}, revises ${where.downRevision ?? 'nothing'})\n`);
        } else ctx.out(text);
      }
    }
    return diff.changes.length ? 1 : 0;
  },
};
