/** A value from the driver as text, the way psql would print it. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().replace('T', ' ').replace('Z', '+00');
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
  if (Array.isArray(v)) return `{${v.map((x) => (x === null ? 'NULL' : arrayElem(cellText(x)!))).join(',')}}`;
  return JSON.stringify(v);
}

const arrayElem = (s: string) => (/^[^\s,{}"\\]+$/.test(s) && s.toUpperCase() !== 'NULL' ? s : `"${s.replace(/["\\]/g, '\\$&')}"`);
