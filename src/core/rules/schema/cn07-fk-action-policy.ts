import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const CN07: Rule = {
  id: 'CN07', name: 'fk-action-policy', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'What happens to child rows when a parent is deleted is a business rule; NO ACTION (the default when nothing is said) often means nobody decided.',
  defaults: { allowedOnDelete: ['CASCADE', 'RESTRICT', 'SET NULL', 'SET DEFAULT'] },
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.foreignKeys.filter((fk) => !(ctx.options.allowedOnDelete as string[]).includes(fk.onDelete)).map((fk) => ({
      target: at(t, { object: fk.name }),
      message: `foreign key ${fk.name} on ${t.qname} → ${fk.references.table} is ON DELETE ${fk.onDelete}${fk.onDelete === 'NO ACTION' ? ' (no rule stated)' : ''}; state RESTRICT, CASCADE or SET NULL`,
    }))),
};
