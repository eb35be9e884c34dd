/** Splits `a, b(c, d), 'e, f'` at top-level commas. */
export function splitList(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  // by char code and slices: Output lists of wide rows run to megabytes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39) quote = !quote;
    else if (quote) continue;
    else if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 44 && depth === 0) { out.push(s.slice(start, i).trim()); start = i + 1; }
  }
  const last = s.slice(start).trim();
  if (last) out.push(last);
  return out;
}

const kb = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const LIST_KEYS = new Set(['Output', 'Sort Key', 'Group Key', 'Presorted Key', 'Hash Key']);
const NUMBER_KEYS = new Set(['Rows Removed by Filter', 'Rows Removed by Join Filter', 'Rows Removed by Index Recheck', 'Heap Fetches', 'Workers Planned', 'Workers Launched', 'Index Searches', 'Functions']);

function buffers(t: Record<string, unknown>, s: string): void {
  for (const part of s.split(/,\s*(?=shared|local|temp)/)) {
    const [scope, ...kvs] = part.trim().split(/\s+/);
    const Scope = scope!.charAt(0).toUpperCase() + scope!.slice(1);
    for (const kv of kvs) {
      const [k, v] = kv.split('=');
      const name = { hit: 'Hit', read: 'Read', dirtied: 'Dirtied', written: 'Written' }[k!];
      if (name) t[`${Scope} ${name} Blocks`] = Number(v);
    }
  }
  // text prints only non-zero counters: a Buffers line makes the missing ones 0
  for (const sc of ['Shared', 'Local']) for (const k of ['Hit', 'Read', 'Dirtied', 'Written']) t[`${sc} ${k} Blocks`] ??= 0;
  t['Temp Read Blocks'] ??= 0;
  t['Temp Written Blocks'] ??= 0;
}

function ioTimings(t: Record<string, unknown>, s: string): void {
  // PG ≤14 "read=1.2 write=0.3"; PG15–16 "shared/local read=… , temp read=…"; PG17 "shared read=…, local …, temp …"
  for (const part of s.split(/,\s*/)) {
    const m = /^(?:(shared\/local|shared|local|temp) )?(read|write)=([\d.]+)(?:\s+(write)=([\d.]+))?$/.exec(part.trim());
    if (!m) continue;
    const scope = m[1] === 'temp' ? 'Temp ' : m[1] === 'local' ? 'Local ' : '';
    t[`${scope}I/O ${m[2] === 'read' ? 'Read' : 'Write'} Time`] = Number(m[3]);
    if (m[4]) t[`${scope}I/O Write Time`] = Number(m[5]);
  }
}

/** One `Key: value` line of a node (or the Planning/JIT block), into JSON-model keys; false when unknown. */
export function parseDetail(t: Record<string, unknown>, line: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^Buffers: (.*)$/.exec(line))) buffers(t, m[1]!);
  else if ((m = /^I\/O Timings: (.*)$/.exec(line))) ioTimings(t, m[1]!);
  else if ((m = /^WAL: (.*)$/.exec(line))) {
    for (const kv of m[1]!.split(/\s+/)) {
      const [k, v] = kv.split('=');
      const name = { records: 'WAL Records', fpi: 'WAL FPI', bytes: 'WAL Bytes', buffers: 'WAL Buffers Full' }[k!];
      if (name) t[name] = Number(v);
    }
  } else if ((m = /^Sort Method: (.+?)\s+(Memory|Disk): (\d+)kB$/.exec(line))) Object.assign(t, { 'Sort Method': m[1], 'Sort Space Used': Number(m[3]), 'Sort Space Type': m[2] });
  else if ((m = /^Buckets: (\d+)(?: \(originally (\d+)\))?\s+Batches: (\d+)(?: \(originally (\d+)\))?\s+Memory Usage: (\d+)kB$/.exec(line))) {
    Object.assign(t, { 'Hash Buckets': Number(m[1]), 'Original Hash Buckets': Number(m[2] ?? m[1]), 'Hash Batches': Number(m[3]), 'Original Hash Batches': Number(m[4] ?? m[3]), 'Peak Memory Usage': Number(m[5]) });
  } else if ((m = /^(?:Planned Partitions: (\d+)\s+)?Batches: (\d+)\s+Memory Usage: (\d+)kB(?:\s+Disk Usage: (\d+)kB)?$/.exec(line))) {
    Object.assign(t, { ...(m[1] ? { 'Planned Partitions': Number(m[1]) } : {}), 'HashAgg Batches': Number(m[2]), 'Peak Memory Usage': Number(m[3]), ...(m[4] ? { 'Disk Usage': Number(m[4]) } : {}) });
  } else if ((m = /^Heap Blocks: (.*)$/.exec(line))) {
    Object.assign(t, { 'Exact Heap Blocks': 0, 'Lossy Heap Blocks': 0 });
    for (const kv of m[1]!.split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k === 'exact') t['Exact Heap Blocks'] = Number(v);
      if (k === 'lossy') t['Lossy Heap Blocks'] = Number(v);
    }
  } else if ((m = /^Hits: (\d+)\s+Misses: (\d+)\s+Evictions: (\d+)\s+Overflows: (\d+)\s+Memory Usage: (\d+)kB$/.exec(line))) {
    Object.assign(t, { 'Cache Hits': Number(m[1]), 'Cache Misses': Number(m[2]), 'Cache Evictions': Number(m[3]), 'Cache Overflows': Number(m[4]), 'Peak Memory Usage': Number(m[5]) });
  } else if ((m = /^Full-sort Groups: (\d+)/.exec(line))) t['Full-sort Groups'] = { 'Group Count': Number(m[1]) };
  else if ((m = /^Pre-sorted Groups: (\d+)/.exec(line))) t['Pre-sorted Groups'] = { 'Group Count': Number(m[1]) };
  else if ((m = /^Timing: (.*)$/.exec(line))) {
    const timing: Record<string, number> = {};
    for (const part of line.slice(8).split(/,\s*/)) {
      const p = /^(\w+) ([\d.]+) ms/.exec(part.trim());
      if (p) timing[p[1]!] = Number(p[2]);
    }
    t.Timing = timing;
  } else if ((m = /^Options: (.*)$/.exec(line))) t.Options = Object.fromEntries(m[1]!.split(/,\s*/).map((o) => { const [k, v] = o.split(' '); return [k, v === 'true']; }));
  else if ((m = /^Memory: used=(\d+)kB\s+allocated=(\d+)kB$/.exec(line))) Object.assign(t, { 'Memory Used': kb(m[1]), 'Memory Allocated': kb(m[2]) });
  else if ((m = /^Disabled: true$/.exec(line))) t.Disabled = true;
  else if ((m = /^([A-Z][A-Za-z/ -]*?): (.*)$/.exec(line))) {
    const [, k, v] = m as unknown as [string, string, string];
    // a megabyte Output list is only ever shown, never analysed: keep it whole instead of 10⁵ strings
    if (LIST_KEYS.has(k)) t[k] = k === 'Output' && v.length > 4096 ? [v] : splitList(v);
    else if (NUMBER_KEYS.has(k)) t[k] = Number(v);
    else if (v === 'true' || v === 'false') t[k] = v === 'true';
    else t[k] = v;
  } else return false;
  return true;
}
