import { checkMigrationText, type CheckOptions } from '../../src/core/migrations/index.js';
import type { Finding } from '../../src/core/rules/types.js';

/** Findings of one rule for a SQL text. */
export async function sqlFindings(sql: string, rule: string, o: CheckOptions = {}): Promise<Finding[]> {
  return (await checkMigrationText('m.sql', sql, o)).filter((f) => f.ruleId === rule);
}

/** Findings of one rule for the body of an Alembic upgrade() (indented for you). */
export async function alembicFindings(body: string, rule: string, o: CheckOptions = {}): Promise<Finding[]> {
  return (await checkMigrationText('m.py', alembicFile(body), o)).filter((f) => f.ruleId === rule);
}

export function alembicFile(body: string, header = 'revision = "r1"\ndown_revision = None\n'): string {
  const indented = body.trim().split('\n').map((l) => `    ${l}`).join('\n');
  return `"""test revision"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n${header}\n\ndef upgrade() -> None:\n${indented}\n\n\ndef downgrade() -> None:\n    op.drop_table("x")\n`;
}

/** Line number of upgrade()'s first body line in alembicFile's output. */
export const ALEMBIC_BODY_LINE = 10;
