import { defineRule, type PgNode } from './helpers.js';

export const MS25 = defineRule({
  id: 'MS25',
  name: 'domain-constraint',
  category: 'migration',
  severity: 'warning',
  kinds: ['CreateDomainStmt', 'AlterDomainStmt'],
  why: 'A domain CHECK is verified against every column using the domain, scanning those tables under SHARE locks (blocking writes).',
  check(ctx) {
    const { stmt } = ctx;
    if (stmt.kind === 'CreateDomainStmt' && ((stmt.node.constraints ?? []) as PgNode[]).some((c) => c.Constraint?.contype === 'CONSTR_CHECK')) {
      return [{ target: {}, message: 'CREATE DOMAIN with a CHECK: later changes to that check scan every table using the domain', fix: { steps: ['prefer a CHECK on the table column, which can be added NOT VALID and validated separately'] } }];
    }
    if (stmt.kind === 'AlterDomainStmt' && stmt.node.subtype === 'C' && !stmt.node.def?.Constraint?.skip_validation) {
      return [{ target: {}, message: 'ALTER DOMAIN ADD CONSTRAINT without NOT VALID takes a SHARE lock on every table using the domain and scans them', fix: { sql: `${stmt.sql.replace(/;\s*$/, '')} NOT VALID;\n-- then: ALTER DOMAIN … VALIDATE CONSTRAINT …;` } }];
    }
    return [];
  },
});
