import type { Acl } from './types.js';

const PRIVILEGES: Record<string, string> = {
  r: 'SELECT', w: 'UPDATE', a: 'INSERT', d: 'DELETE', D: 'TRUNCATE', x: 'REFERENCES', t: 'TRIGGER',
  m: 'MAINTAIN', X: 'EXECUTE', U: 'USAGE', C: 'CREATE', c: 'CONNECT', T: 'TEMPORARY', s: 'SET', A: 'ALTER SYSTEM',
};

/** Reads one role name from aclitem text at `i`; names with special characters come double-quoted. */
function readName(s: string, i: number, stop: string): [string, number] {
  if (s[i] !== '"') {
    let j = i;
    while (j < s.length && !stop.includes(s[j]!)) j++;
    return [s.slice(i, j), j];
  }
  let out = '';
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') { out += '"'; j += 2; continue; }
      return [out, j + 1];
    }
    out += s[j++];
  }
  return [out, j];
}

/** Decodes one aclitem (`grantee=privileges/grantor`, `*` after a grantable one); an empty grantee is PUBLIC. */
export function parseAclItem(item: string): Acl {
  const [grantee, eq] = readName(item, 0, '=');
  let i = eq + 1;
  const privileges: string[] = [];
  const grantable: string[] = [];
  while (i < item.length && item[i] !== '/') {
    const p = PRIVILEGES[item[i]!] ?? item[i]!;
    privileges.push(p);
    if (item[i + 1] === '*') { grantable.push(p); i++; }
    i++;
  }
  const [grantor] = readName(item, i + 1, '');
  return { grantee: grantee || 'PUBLIC', grantor, privileges, grantable };
}

/** Decodes an aclitem[] read as text[]; NULL (default privileges) gives []. */
export function parseAcl(items: string[] | null | undefined): Acl[] {
  if (!items) return [];
  return items.map(parseAclItem).sort((a, b) => cmp(a.grantee, b.grantee) || cmp(a.grantor, b.grantor));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
