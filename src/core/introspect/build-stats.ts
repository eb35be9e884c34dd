/** The volatile stats part: row estimates, sizes and scan counts. */
import { n, type ClassInfo } from './build-context.js';
import type { BuildInput } from './build.js';
import type { Index, SchemaSnapshot } from './types.js';

export function buildStats(inp: BuildInput, classes: Map<number, ClassInfo>, indexes: Map<number, Index>): SchemaSnapshot['stats'] {
  const idxStats: NonNullable<SchemaSnapshot['stats']>['indexes'] = {};
  const indexBytes = new Map<number, number>();
  for (const [oid, bytes, scans, rel] of inp.rows.get('index_stats') ?? []) {
    indexBytes.set(n(rel), (indexBytes.get(n(rel)) ?? 0) + n(bytes));
    const i = indexes.get(n(oid));
    const owner = classes.get(n(rel));
    if (i && owner) idxStats[`${owner.schema}.${i.name}`] = { bytes: n(bytes), scans: n(scans) };
  }
  const relations: NonNullable<SchemaSnapshot['stats']>['relations'] = {};
  for (const [oid, tuples, tableBytes, seq, idx] of inp.rows.get('stats') ?? []) {
    const cls = classes.get(n(oid));
    if (!cls) continue;
    const ib = indexBytes.get(n(oid)) ?? 0;
    relations[`${cls.schema}.${cls.name}`] = {
      rowEstimate: n(tuples), tableBytes: n(tableBytes), indexBytes: ib, totalBytes: n(tableBytes) + ib, seqScans: n(seq), idxScans: n(idx),
    };
  }
  return { capturedAt: inp.capturedAt, relations, indexes: idxStats };
}
