import { quoteIdent } from '../../sql/ident.js';
import type { Rule } from '../types.js';

export const SC07: Rule = {
  id: 'SC07', name: 'extension-in-public', category: 'security', severity: 'warning', needs: ['snapshot'],
  why: 'Extension objects in public mix with application objects, are exposed by API layers that publish public, and collide on upgrades.',
  check: (ctx) => ctx.each(ctx.snapshot.extensions.filter((e) => e.schema === 'public' && e.name !== 'plpgsql'), (e) => e.name, (e) => ({
    target: { schema: 'public', object: e.name },
    message: `extension ${e.name} is installed in schema public`,
    fix: e.relocatable ? { sql: `CREATE SCHEMA IF NOT EXISTS extensions;\nALTER EXTENSION ${quoteIdent(e.name)} SET SCHEMA extensions;` } : { steps: [`${e.name} is not relocatable: drop and re-create it WITH SCHEMA extensions`] },
  })),
};
