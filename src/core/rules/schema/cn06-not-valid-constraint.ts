import { quoteIdent } from '../../sql/ident.js';
import { at, sqlName, tables } from '../model.js';
import type { Rule } from '../types.js';

export const CN06: Rule = {
  id: 'CN06', name: 'not-valid-constraint', category: 'constraints', severity: 'warning', needs: ['snapshot'],
  why: 'A NOT VALID constraint is enforced only for new rows; old rows may break it, and the planner cannot rely on it.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    (t.table.foreignKeys.every((c) => c.validated) && t.table.checks.every((c) => c.validated) ? [] : [...t.table.foreignKeys, ...t.table.checks]).filter((c) => !c.validated).map((c) => ({
      target: at(t, { object: c.name }),
      message: `constraint ${c.name} on ${t.qname} was added NOT VALID and never validated`,
      fix: { sql: `ALTER TABLE ${sqlName(t)} VALIDATE CONSTRAINT ${quoteIdent(c.name)};` },
    }))),
};
