import { at, tables } from '../model.js';
import type { Rule } from '../types.js';

export const CN05: Rule = {
  id: 'CN05', name: 'self-reference-restrict', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'A self-referencing key with NO ACTION / RESTRICT makes deleting a node of a hierarchy fail until its children are re-parented or deleted first.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) =>
    t.table.foreignKeys.filter((fk) => fk.references.table === t.qname && (fk.onDelete === 'NO ACTION' || fk.onDelete === 'RESTRICT'))
      .map((fk) => ({ target: at(t, { object: fk.name }), message: `self-referencing foreign key ${fk.name} on ${t.qname} is ON DELETE ${fk.onDelete}: deleting a parent row fails while children point to it` }))),
};
