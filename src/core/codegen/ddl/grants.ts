import type { Acl } from '../../introspect/types.js';
import { ident } from './quote.js';

/**
 * GRANT statements for an ACL. The owner's own entry is left out: it is what the owner holds
 * anyway, and writing it out would pin version-specific privilege lists (PG 17 added MAINTAIN).
 */
export function renderGrants(acl: Acl[], onWhat: string, owner: string, columns?: string): string[] {
  const out: string[] = [];
  for (const a of acl) {
    if (a.grantee === owner && a.grantor === owner) continue;
    const to = a.grantee === 'PUBLIC' ? 'PUBLIC' : ident(a.grantee);
    const plain = a.privileges.filter((p) => !a.grantable.includes(p));
    const cols = columns ? ` (${columns})` : '';
    if (plain.length) out.push(`GRANT ${plain.map((p) => p + cols).join(', ')} ON ${onWhat} TO ${to};`);
    if (a.grantable.length) out.push(`GRANT ${a.grantable.map((p) => p + cols).join(', ')} ON ${onWhat} TO ${to} WITH GRANT OPTION;`);
  }
  return out;
}
