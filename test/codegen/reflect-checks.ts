import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { DEMO_LATE_SQL, DEMO_SCHEMA_SQL } from '../../src/core/demo/schema-sql.js';
import type { SchemaSnapshot } from '../../src/core/introspect/index.js';

const RUFF = join(process.cwd(), '.venv', 'bin', 'ruff');

/** Loads the demo schema plus the hostile reflect fixture (reserved words, clashing names, two schemas' customers). */
export async function loadHostileSchema(conn: Connection): Promise<void> {
  await conn.exec(DEMO_SCHEMA_SQL);
  await conn.exec(DEMO_LATE_SQL);
  await conn.exec(readFileSync(join(process.cwd(), 'test', 'fixtures', 'reflect-hostile.sql'), 'utf8'));
}

/** Generated Python (a file or a package directory) passes `ruff check` and `ruff format --check`. */
export function ruffClean(path: string): void {
  const check = spawnSync(RUFF, ['check', '--no-cache', '--select', 'E4,E7,E9,F,W,I', path], { encoding: 'utf8' });
  expect(check.stdout + check.stderr).toContain('All checks passed');
  const format = spawnSync(RUFF, ['format', '--no-cache', '--check', '--diff', path], { encoding: 'utf8' });
  expect(format.status, format.stdout + format.stderr).toBe(0);
}

/** What create_all can recreate: tables (no partitions), their columns, keys, constraints, indexes; enums and domains. */
export function structural(snap: SchemaSnapshot) {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(snap.schemas)) {
    const tables: Record<string, unknown> = {};
    for (const [tn, t] of Object.entries(s.tables)) {
      if (t.partition?.parent) continue;
      tables[tn] = {
        columns: t.columns.map((c) => ({ ...c, identity: c.identity && { ...c.identity, sequence: undefined } })),
        primaryKey: t.primaryKey, uniques: t.uniques, foreignKeys: t.foreignKeys, checks: t.checks, exclusions: t.exclusions,
        indexes: t.indexes.map((i) => ({ ...i, definition: undefined })), comment: t.comment, kind: t.kind, persistence: t.persistence,
        partitionKey: t.partition?.key,
      };
    }
    const types = Object.fromEntries(Object.entries(s.types).filter(([, t]) => t.kind === 'enum' || t.kind === 'domain').map(([k, t]) => [k, { ...t, owner: undefined, acl: undefined, comment: undefined /* listed in the warnings */ }]));
    out[name] = { tables, types };
  }
  return out;
}
