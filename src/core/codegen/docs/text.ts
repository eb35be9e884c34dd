/** A Markdown table cell: pipes and newlines would break the table. */
export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const fmtRows = (n: number | undefined): string => (n === undefined || n < 0 ? 'unknown' : Math.round(n).toLocaleString('en-US'));

export function fmtBytes(n: number | undefined): string {
  if (n === undefined) return '';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${v < 10 && u ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** A name as part of a file name: safe on every filesystem, unique for mixed case and unicode. */
export const safeName = (s: string): string =>
  // upper case is marked rather than kept, so "Order" and "order" differ on case-insensitive disks too
  s.replace(/[A-Z]/g, (ch) => `^${ch.toLowerCase()}`).replace(/[^a-z0-9_^-]/g, (ch) => `~${ch.codePointAt(0)!.toString(16)}~`);

/** The file name of a table's page. */
export const pageName = (schema: string, table: string): string => `${safeName(schema)}.${safeName(table)}`;
