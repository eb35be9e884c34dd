/** Numbers as the plan views print them: 1,234 · 12k · 3.4M; ms with sensible precision. */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(a >= 1e10 ? 0 : 1)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${(n / 1e3).toFixed(a >= 1e5 ? 0 : 1)}k`;
  // toLocaleString costs microseconds a call: too slow for 5,000-node plans
  if (!Number.isInteger(n)) return n.toFixed(2);
  const t = String(n);
  // below 10k there is at most one separator
  return a < 1000 ? t : `${t.slice(0, -3)},${t.slice(-3)}`;
}

export function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export const fmtPct = (share: number): string => `${Math.round(share * 100)}%`;

export function fmtFactor(f: number): string {
  if (!Number.isFinite(f)) return '∞';
  return f >= 100 ? fmtCount(Math.round(f)) : f >= 10 ? f.toFixed(0) : f.toFixed(1);
}

/** 8 kB blocks or kB as MB/GB. */
export function fmtKb(kb: number): string {
  if (kb >= 1024 * 1024) return `${(kb / 1024 / 1024).toFixed(1)}GB`;
  if (kb >= 1024) return `${(kb / 1024).toFixed(kb >= 10240 ? 0 : 1)}MB`;
  return `${kb}kB`;
}

const UNITS: Record<string, number> = { kb: 1, mb: 1024, gb: 1024 * 1024, tb: 1024 * 1024 * 1024 };

/** A memory setting ('4MB', '64kB', '1GB', bare kB) in kB. */
export function settingKb(v: string | undefined): number | undefined {
  const m = /^\s*(\d+)\s*([kmgt]b)?\s*$/i.exec(v ?? '');
  return m ? Number(m[1]) * UNITS[(m[2] ?? 'kb').toLowerCase()]! : undefined;
}

/** `SET LOCAL work_mem = '…'` that covers `neededKb` and at least doubles the plan's work_mem. */
export function workMemSql(settings: Record<string, string>, neededKb: number): string {
  const current = settingKb(settings.work_mem) ?? 4096;
  const mb = Math.ceil(Math.max(neededKb, current * 2) / 1024);
  return `SET LOCAL work_mem = '${mb}MB';`;
}

/** A plan field that should be a number; 0 when absent (text plans omit zero counters). */
export const num0 = (v: unknown): number => (typeof v === 'number' ? v : 0);
