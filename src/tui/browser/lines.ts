import type { ThemeToken } from '../theme/theme.js';

/** A styled piece of a line; detail tabs are arrays of lines so they can be windowed before React sees them. */
export interface Seg {
  text: string;
  tone?: ThemeToken;
  bold?: boolean;
  /** reverse video: a cursor cell, visible in the no-colour theme too */
  inverse?: boolean;
}
export type Line = Seg[];

export const seg = (text: string, tone?: ThemeToken, bold?: boolean): Seg => ({ text, tone, bold });
export const plain = (text: string): Line => [seg(text)];
export const blank: Line = [];

/** Fixed-width columns: each cell padded to the widest in its column (text only, measured in code points). */
export function grid(header: string[], rows: (string | Seg)[][], tones: (ThemeToken | undefined)[] = []): Line[] {
  const text = (c: string | Seg) => (typeof c === 'string' ? c : c.text);
  const widths = header.map((h, i) => Math.min(48, Math.max([...h].length, ...rows.map((r) => [...text(r[i] ?? '')].length))));
  const cut = (s: string, w: number) => ([...s].length > w ? [...s].slice(0, w - 1).join('') + '…' : s.padEnd(w));
  const out: Line[] = [header.map((h, i) => seg(cut(h, widths[i]!) + '  ', 'muted', true))];
  for (const r of rows) {
    out.push(r.map((c, i) => {
      const s = typeof c === 'string' ? seg(c, tones[i]) : c;
      return { ...s, text: cut(s.text, widths[i]!) + (i < r.length - 1 ? '  ' : '') };
    }));
  }
  return out;
}

export function humanBytes(n: number | undefined): string {
  if (n === undefined || n < 0) return '';
  const u = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${u[i]}`;
}

export function humanCount(n: number | undefined): string {
  if (n === undefined || n < 0) return '';
  if (n < 1000) return String(Math.round(n));
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)}k`;
  if (n < 1e9) return `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)}M`;
  return `${(n / 1e9).toFixed(1)}G`;
}
