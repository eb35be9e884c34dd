import { quoteIdent } from '../../sql/ident.js';
import { at, sqlName, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const SC04: Rule = {
  id: 'SC04', name: 'public-privileges', category: 'security', severity: 'warning', needs: ['snapshot'],
  why: 'Privileges granted to PUBLIC reach every role, including ones created later for other applications.',
  check: (ctx) => {
    const out: RawFinding[] = ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
      const pub = t.table.acl.find((a) => a.grantee === 'PUBLIC');
      return pub ? { target: at(t), message: `${t.qname} grants ${pub.privileges.join(', ')} to PUBLIC`, fix: { sql: `REVOKE ALL ON ${sqlName(t)} FROM PUBLIC;` } } : undefined;
    });
    for (const [name, s] of Object.entries(ctx.snapshot.schemas)) {
      const pub = s.acl.find((a) => a.grantee === 'PUBLIC' && a.privileges.includes('CREATE'));
      if (pub) out.push({ target: { schema: name }, message: `schema ${name} lets PUBLIC create objects (the pre-PostgreSQL 15 default)`, fix: { sql: `REVOKE CREATE ON SCHEMA ${quoteIdent(name)} FROM PUBLIC;` } });
      for (const [key, seq] of Object.entries(s.sequences)) {
        if (seq.acl.some((a) => a.grantee === 'PUBLIC')) out.push({ target: { schema: name, object: key }, message: `sequence ${name}.${key} has privileges granted to PUBLIC` });
      }
    }
    return out;
  },
};
