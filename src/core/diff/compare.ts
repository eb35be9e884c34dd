/** Deep equality where a member set to `undefined` equals a missing one (as in the JSON snapshot). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== undefined && !same(x[k], y[k])) return false;
  for (const k in y) if (y[k] !== undefined && x[k] === undefined) return false;
  return true;
}

/** A copy without the named members (for comparing "everything but"). */
export function without<T extends object>(v: T, ...keys: string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k in v) if (!keys.includes(k)) out[k] = (v as Record<string, unknown>)[k];
  return out as Partial<T>;
}

/** Values that differ only in their comment: a COMMENT ON is enough. */
export const onlyCommentDiffers = (a: object, b: object): boolean => !same(a, b) && same(without(a, 'comment'), without(b, 'comment'));

/** Pairs items of two lists by key: [key, before, after]. Order: `from` order, then new keys. */
export function pairBy<T>(from: T[], to: T[], key: (x: T) => string): [string, T | undefined, T | undefined][] {
  const a = new Map(from.map((x) => [key(x), x]));
  const b = new Map(to.map((x) => [key(x), x]));
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return keys.map((k) => [k, a.get(k), b.get(k)]);
}

export const entries = <T>(r: Record<string, T> | undefined): T[] => Object.values(r ?? {});

/** Grants apart from the owner's own entry: an explicit owner entry and the default (none) mean the same. */
export const grantsOf = <A extends { grantee: string; grantor: string }>(acl: A[], owner: string): A[] => acl.filter((a) => !(a.grantee === owner && a.grantor === owner));
