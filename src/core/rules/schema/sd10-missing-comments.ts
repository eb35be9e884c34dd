import { at, tables } from '../model.js';
import type { Rule } from '../types.js';
import { quoteIdent } from '../../sql/ident.js';
import { sqlName } from '../model.js';

export const SD10: Rule = {
  id: 'SD10', name: 'missing-comments', category: 'design', severity: 'info', needs: ['snapshot'], offByDefault: true,
  why: 'Comments are the schema\'s documentation: generated docs, models and this tool show them.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const out = [];
    if (!t.table.comment) out.push({ target: at(t), message: `${t.qname} has no comment`, fix: { sql: `COMMENT ON TABLE ${sqlName(t)} IS '…';` } });
    for (const c of t.table.columns) {
      if (!c.comment && !c.inherited) out.push({ target: at(t, { column: c.name }), message: `${t.qname}.${c.name} has no comment`, fix: { sql: `COMMENT ON COLUMN ${sqlName(t)}.${quoteIdent(c.name)} IS '…';` } });
    }
    return out;
  }),
};
