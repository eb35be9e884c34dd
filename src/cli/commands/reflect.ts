import { writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { listOption } from '../option-values.js';


function oneOf<T extends string>(flag: string, v: unknown, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw new UserError(`${flag} ${v}: use ${allowed.join(', ')}`);
  return v as T;
}

export const reflectCommand: Command = {
  name: 'reflect',
  summary: 'SQLAlchemy 2.0 models from a live database that import, map and round-trip (warnings say what they cannot express)',
  usage: 'tablewright reflect --output PATH [--schema S]… [--table T]… [--layout single|per-schema|per-table] [--lazy auto|selectin|raise|write_only|…] [--lazy-rows N] [--pk-guess] [--supabase] [--config FILE] [--pydantic] [--repositories] [--fastapi] [--kysely FILE.ts] [--warnings-json FILE] [--check] [--force]',
  options: {
    output: { type: 'string', short: 'o' },
    schema: { type: 'string', multiple: true },
    'exclude-schema': { type: 'string', multiple: true },
    table: { type: 'string', multiple: true },
    'warnings-json': { type: 'string' },
    pydantic: { type: 'boolean' },
    repositories: { type: 'boolean' },
    fastapi: { type: 'boolean' },
    kysely: { type: 'string' },
    check: { type: 'boolean' },
    force: { type: 'boolean' },
    layout: { type: 'string' },
    lazy: { type: 'string' },
    'lazy-rows': { type: 'string' },
    'pk-guess': { type: 'boolean' },
    supabase: { type: 'boolean' },
    config: { type: 'string' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { packageInit, reflect, selectTables } = await import('../../core/codegen/reflect/index.js');
    const { renderKysely } = await import('../../core/codegen/kysely/index.js');
    const { writeGenerated } = await import('../../core/codegen/files.js');
    const { writePython } = await import('../../core/codegen/python-writer.js');
    const { removeStale, staleModels } = await import('../../core/codegen/reflect/stale.js');
    const { readSnapshot } = await import('../../core/introspect/index.js');
    const { loadReflectConfig } = await import('../../core/codegen/reflect/config.js');
    const { findConfigFile } = await import('../../core/rules/config.js');
    const { LAYOUTS } = await import('../../core/codegen/sqlalchemy/layout.js');
    const { LAZY_MODES } = await import('../../core/codegen/sqlalchemy/plan.js');
    const { SUPABASE_SCHEMAS } = await import('../../core/codegen/sqlalchemy/supabase.js');
    const v = ctx.values;
    const output = v.output as string | undefined;
    if (!output) throw new UserError('reflect needs --output PATH: a package directory (./models) or a file (models.py)');
    const layout = oneOf('--layout', v.layout, LAYOUTS) ?? 'single';
    const lazy = oneOf('--lazy', v.lazy, LAZY_MODES);
    const lazyRows = v['lazy-rows'] === undefined ? undefined : Number(v['lazy-rows']);
    if (lazyRows !== undefined && !(Number.isInteger(lazyRows) && lazyRows >= 0)) throw new UserError(`--lazy-rows ${v['lazy-rows']}: give a whole number of rows (collections above it load with lazy="raise")`);
    if (layout !== 'single' && output.endsWith('.py')) throw new UserError(`--layout ${layout} writes a package: give --output a directory, not a .py file`);
    const configPath = (v.config as string | undefined) ?? findConfigFile(process.cwd());
    const config = configPath ? loadReflectConfig(configPath) : {};
    const conn = await ctx.connect();
    let result;
    let kysely: string | undefined;
    try {
      // Supabase's own schemas are hidden even when the server does not say it is Supabase
      const exclude = [...listOption(v['exclude-schema']), ...(v.supabase ? SUPABASE_SCHEMAS.filter((s) => !listOption(v.schema).includes(s)) : [])];
      const snapshot = await readSnapshot(conn, { schemas: listOption(v.schema), excludeSchemas: exclude });
      const tables = listOption(v.table);
      for (const t of tables) {
        const found = Object.entries(snapshot.schemas).some(([s, x]) => x.tables[t] || (t.startsWith(`${s}.`) && x.tables[t.slice(s.length + 1)]));
        if (!found) throw new UserError(`--table ${t}: no such table in the selected schemas; tablewright inspect lists them`);
      }
      result = reflect(snapshot, {
        tables, pydantic: !!v.pydantic, repositories: !!v.repositories, fastapi: !!v.fastapi,
        layout, lazy, bigCollectionRows: lazyRows, pkGuess: !!v['pk-guess'], supabase: !!v.supabase, types: config.types,
      });
      if (v.kysely) kysely = renderKysely(selectTables(snapshot, tables));
    } finally {
      await conn.close();
    }
    // a .py path is one module; anything else is a package directory
    const single = output.endsWith('.py');
    if (single && result.files.length > 1) throw new UserError('--pydantic, --repositories and --fastapi write several modules: give --output a package directory, not a .py file');
    const dir = single ? dirname(output) : output;
    const files = single ? [{ ...result.files[0]!, path: basename(output) }] : [...result.files, packageInit(result.modelsSource)];
    const report = writePython(dir, files, { force: !!v.force, check: !!v.check, tool: 'reflect' });
    const stale = single ? [] : staleModels(dir, files);
    if (stale.length && !v.check) removeStale(dir, stale);
    if (kysely !== undefined && !v.check) writeGenerated(dirname(v.kysely as string), [{ path: basename(v.kysely as string), contents: kysely, kind: 'typescript' }]);
    if (v['warnings-json']) writeFileSync(v['warnings-json'] as string, JSON.stringify({ warnings: result.warnings, prerequisites: result.prerequisites }, null, 2) + '\n');
    for (const w of result.warnings) ctx.err(`warning: ${w.table ? `${w.table}: ` : ''}${w.object && w.object !== w.table?.split('.').pop() ? `${w.object}: ` : ''}${w.message}\n`);
    if (result.prerequisites.length) ctx.err(`before create_all, run:\n${result.prerequisites.map((p) => `  ${p}`).join('\n')}\n`);
    if (v.check) {
      if (report.stale.length || stale.length) {
        ctx.out(`${output} is out of date: ${[...report.stale, ...stale.map((p) => `${p} (no longer generated)`)].join(', ')}; run tablewright reflect --output ${output}\n`);
        return 1;
      }
      ctx.out(`${output} is up to date\n`);
      return 0;
    }
    ctx.out(`${output}: ${report.written.length} written, ${report.unchanged.length} unchanged${stale.length ? `, ${stale.length} removed (${stale.join(', ')})` : ''}; ${result.warnings.length} warning(s)\n`);
    return 0;
  },
};

