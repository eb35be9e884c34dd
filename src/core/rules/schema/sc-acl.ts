import type { Acl } from '../../introspect/types.js';

/** Whether anyone but the owner holds `privilege` (an empty ACL means the owner's defaults only). */
export const grantedToOthers = (acl: Acl[], owner: string, privilege: string): string[] =>
  acl.filter((a) => a.grantee !== owner && a.privileges.includes(privilege)).map((a) => a.grantee);

/** EXECUTE on a function: an empty ACL is PostgreSQL's default, which grants it to PUBLIC. */
export const publicCanExecute = (acl: Acl[]): boolean =>
  acl.length === 0 || acl.some((a) => a.grantee === 'PUBLIC' && a.privileges.includes('EXECUTE'));
