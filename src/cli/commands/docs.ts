import { UserError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { listOption } from '../option-values.js';


export const docsCommand: Command = {
  name: 'docs',
  summary: 'Markdown or HTML schema documentation with business rules, relationships, checklist findings, and Mermaid / DOT ER diagrams',
  usage: 'tablewright docs --output DIR [--schema S]… [--format markdown|html] [--no-stats] [--hops N] [--check]',
  options: {
    output: { type: 'string', short: 'o' },
    schema: { type: 'string', multiple: true },
    'exclude-schema': { type: 'string', multiple: true },
    format: { type: 'string' },
    'no-stats': { type: 'boolean' },
    hops: { type: 'string' },
    check: { type: 'boolean' },
  },
  connects: true,
  async run(ctx) {
    // loaded here, not at start-up: every command's dependencies would otherwise load for --help
    const { diffGenerated, writeGenerated } = await import('../../core/codegen/files.js');
    const { DOCS_EXTENSIONS, generateDocs, loadParser } = await import('../../core/codegen/docs/index.js');
    const { readSnapshot } = await import('../../core/introspect/index.js');
    const { gatherRuleStats, lintSnapshot } = await import('../../core/rules/index.js');
    const v = ctx.values;
    const out = v.output as string | undefined;
    if (!out) throw new UserError('docs needs --output DIR (the directory to write the documentation to)');
    const format = (v.format as string | undefined) ?? 'markdown';
    if (format !== 'markdown' && format !== 'html') throw new UserError(`--format ${format}: use markdown or html`);
    const hops = v.hops === undefined ? 1 : Number(v.hops);
    if (!Number.isInteger(hops) || hops < 1 || hops > 5) throw new UserError(`--hops ${v.hops}: give a whole number from 1 to 5`);
    const stats = !v['no-stats'];
    const conn = await ctx.connect();
    let files;
    try {
      const snapshot = await readSnapshot(conn, { schemas: listOption(v.schema), excludeSchemas: listOption(v['exclude-schema']), stats });
      const findings = lintSnapshot(snapshot, { stats: await gatherRuleStats(conn, snapshot) }).findings;
      await loadParser();
      files = generateDocs(snapshot, findings, { format, stats, hops });
    } finally {
      await conn.close();
    }
    if (v.check) {
      const diff = diffGenerated(out, files, { prune: DOCS_EXTENSIONS });
      if (diff.length) {
        ctx.out(`${out} is out of date (${diff.length} file(s)); run tablewright docs --output ${out} to update:\n${diff.map((d) => `  ${d}`).join('\n')}\n`);
        return 1;
      }
      ctx.out(`${out} is up to date (${files.length} files)\n`);
      return 0;
    }
    const r = writeGenerated(out, files, { prune: DOCS_EXTENSIONS });
    ctx.out(`${out}: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.removed.length} removed; open ${out}/index.${format === 'html' ? 'html' : 'md'}\n`);
    for (const s of r.skipped) ctx.err(`tablewright: left ${out}/${s} alone: it exists and was not written by tablewright (move it to let docs write there)\n`);
    return 0;
  },
};
