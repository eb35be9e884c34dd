import { UserError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { listOption } from '../option-values.js';

async function confirmOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export const newTableCommand: Command = {
  name: 'new-table',
  summary: 'design a table: SQLAlchemy model, Alembic revision, Pydantic schemas, async repository, pytest tests and SQL, checked against the schema rules',
  usage: 'tablewright new-table NAME --fields "email:str:unique,name:str,active:bool=true,org_id:fk(orgs)" [--schema S] [--pk identity|uuid] [--key COLS] [--timestamps] [--soft-delete] [--version-column] [--audit] [--index "a+b [unique] [where …]"]… [--comment TEXT] [--output-dir DIR] [--versions-dir DIR] [--print] [--force] [--apply [--yes]]',
  options: {
    fields: { type: 'string', short: 'f' },
    schema: { type: 'string' },
    pk: { type: 'string' },
    key: { type: 'string' },
    timestamps: { type: 'boolean' },
    'soft-delete': { type: 'boolean' },
    'version-column': { type: 'boolean' },
    audit: { type: 'boolean' },
    index: { type: 'string', multiple: true },
    comment: { type: 'string' },
    'output-dir': { type: 'string', short: 'o' },
    'versions-dir': { type: 'string' },
    revision: { type: 'string' },
    print: { type: 'boolean' },
    force: { type: 'boolean' },
    apply: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const d = await import('../../core/design/index.js');
    const { readSnapshot } = await import('../../core/introspect/index.js');
    const v = ctx.values;
    const name = ctx.positionals[0];
    if (!name) throw new UserError('new-table needs a table name, e.g. tablewright new-table products --fields "name:str,price:numeric(12,2)"');
    if (ctx.positionals.length > 1) throw new UserError(`new-table takes one table name, not "${ctx.positionals.join(' ')}"; put columns in --fields`);
    if (!v.fields) throw new UserError('new-table needs --fields, e.g. --fields "email:str:unique,name:str,active:bool=true,org_id:fk(orgs)"');
    const pk = (v.pk as string | undefined) ?? (v.key ? 'natural' : 'identity');
    if (!['identity', 'uuid', 'natural'].includes(pk)) throw new UserError(`--pk ${pk}: use identity (bigint identity), uuid (gen_random_uuid()) or --key COLS for a natural key`);
    if (v.revision !== undefined && !/^[0-9a-z_]{1,32}$/.test(v.revision as string)) throw new UserError(`--revision ${v.revision}: use up to 32 lowercase letters, digits and _`);
    let draft = d.emptyDraft(name, (v.schema as string | undefined) ?? 'public', v.revision as string | undefined);
    draft = {
      ...d.applyFields(draft, v.fields as string),
      pk: pk as 'identity' | 'uuid' | 'natural',
      pkColumns: listOption(v.key),
      timestamps: !!v.timestamps,
      softDelete: !!v['soft-delete'],
      versionColumn: !!v['version-column'],
      audit: !!v.audit,
      ...(v.comment ? { comment: v.comment as string } : {}),
    };
    // not listOption: an index's columns and predicate may hold commas
    draft.indexes.push(...((v.index as string[] | undefined) ?? []).map(d.parseIndex));
    // a terminal that nobody else reads (not the full-screen app's) can ask; scripts say --yes
    const canAsk = process.stdin.isTTY && !process.stdin.isRaw;
    if (v.apply && !v.yes && !canAsk) throw new UserError('--apply changes the database: add --yes to confirm (there is no terminal to ask on)');
    const conn = await ctx.connect();
    try {
      if (v.apply && conn.readOnly) throw new UserError('--apply changes the database but the connection is read-only: add --write');
      const snapshot = await readSnapshot(conn, { stats: false });
      const ev = await conn.withSession((s) => d.evaluate(s, snapshot, draft));
      if (ev.problems.length) {
        for (const p of ev.problems) ctx.err(`${name}: ${p.message}\n`);
        return 2;
      }
      const checks = d.draftChecklist(ev);
      for (const c of checks) ctx.err(`checklist: ${c.severity} ${c.ruleId} ${c.message}${c.fix ? ` (fix: ${c.fix.label})` : ''}\n`);
      const layout = v.print ? undefined : d.detectLayout(process.cwd(), name, v['output-dir'] as string | undefined, v['versions-dir'] as string | undefined);
      const head = layout ? await d.alembicHead(layout.dirs.versions) : undefined;
      const { files, warnings } = d.generateFiles(ev, { downRevision: head });
      for (const w of warnings) ctx.err(`warning: ${w.table}: ${w.object ? `${w.object}: ` : ''}${w.message}\n`);
      if (!layout) {
        ctx.out(files.find((f) => f.title === 'sql')!.contents);
      } else {
        const r = d.writeDesign(layout, files, { force: !!v.force });
        ctx.out(`${ev.draft.schema}.${name}: ${r.written.length} written, ${r.unchanged.length} unchanged (${layout.detected})\n${r.written.map((p) => `  ${p}\n`).join('')}`);
      }
      if (v.apply) {
        const plan = d.draftMigration(ev);
        const question = `Create ${ev.draft.schema}.${name} on ${conn.server.database} (${plan.upgrade.length} statements in one transaction)?`;
        if (!v.yes && !(await confirmOnTerminal(question))) { ctx.out('not applied\n'); return 0; }
        const res = await d.applyDesign(conn, plan.upgrade, { revision: ev.draft.revision, downRevision: head });
        ctx.out(`applied: ${ev.draft.schema}.${name} created (${res.statements} statements)${res.stamped ? `; alembic_version is now ${res.stamped}` : ''}\n`);
      }
      return 0;
    } finally {
      await conn.close();
    }
  },
};
