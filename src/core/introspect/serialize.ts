import type { SchemaSnapshot } from './types.js';

/** Deterministic JSON: sorted keys, two-space indent, trailing newline. */
export function serializeSnapshot(s: SchemaSnapshot, opts: { indent?: number } = {}): string {
  return JSON.stringify(sortKeys(s), null, opts.indent ?? 2) + '\n';
}

/** Parses snapshot JSON, checking the format tag. */
export function parseSnapshot(text: string): SchemaSnapshot {
  const v = JSON.parse(text) as SchemaSnapshot;
  if (v?.format !== 'tablewright-snapshot/1') throw new Error(`not a tablewright-snapshot/1 file (format ${String(v?.format)})`);
  return v;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}
