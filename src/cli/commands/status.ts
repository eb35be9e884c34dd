import type { Command } from '../command.js';
import { describeTarget } from '../../core/db/conninfo/resolve.js';
import type { ServerTarget } from '../../core/db/conninfo/types.js';

export const statusCommand: Command = {
  name: 'status',
  summary: 'connection, server version and flavour, read-only state, and where the settings came from',
  usage: 'tablewright status [--json] [connection options]',
  options: { json: { type: 'boolean' } },
  connects: true,
  async run(ctx) {
    const { target, pgpassProblem } = ctx.target();
    const conn = await ctx.connect();
    try {
      const s = conn.server;
      const sources: Record<string, string> = target.kind === 'server'
        ? Object.fromEntries(Object.entries(target.sources).map(([k, v]) => [k, String(v)]))
        : { dataDir: target.sources.dataDir };
      const report = {
        connection: describeTarget(target),
        kind: target.kind,
        server: { version: s.versionString, versionNum: s.versionNum, flavor: s.flavor },
        database: s.database,
        user: s.user,
        readOnly: conn.readOnly,
        ...(target.kind === 'server' ? { sslmode: (target as ServerTarget).sslmode } : { dataDir: target.dataDir }),
        sources,
        ...(pgpassProblem ? { warnings: [`${pgpassProblem.path} not used: it ${pgpassProblem.reason}`] } : {}),
      };
      if (ctx.values.json) {
        ctx.out(JSON.stringify(report, null, 2) + '\n');
        return 0;
      }
      const lines = [
        `connection  ${report.connection}`,
        `server      ${shortVersion(s.versionString)} (${s.versionNum}), flavour ${s.flavor}`,
        `database    ${s.database}`,
        `user        ${s.user}`,
        `mode        ${conn.readOnly ? 'read-only (use --write to allow changes)' : 'read-write'}`,
      ];
      if (target.kind === 'server') lines.push(`sslmode     ${target.sslmode}`);
      lines.push('settings from:');
      for (const [k, v] of Object.entries(sources)) lines.push(`  ${k.padEnd(16)} ${v}`);
      for (const w of report.warnings ?? []) lines.push(`warning: ${w}`);
      ctx.out(lines.join('\n') + '\n');
      return 0;
    } finally {
      await conn.close();
    }
  },
};

const shortVersion = (v: string) => v.replace(/ on .*$/, '').replace(/,? compiled by .*$/, '');
