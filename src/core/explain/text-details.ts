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

const BUFFER_NAMES: Record<string, Record<string, string>> = {
  shared: { hit: 'Shared Hit Blocks', read: 'Shared Read Blocks', dirtied: 'Shared Dirtied Blocks', written: 'Shared Written Blocks' },
  local: { hit: 'Local Hit Blocks', read: 'Local Read Blocks', dirtied: 'Local Dirtied Blocks', written: 'Local Written Blocks' },
  temp: { read: 'Temp Read Blocks', written: 'Temp Written Blocks' },
};
// text prints only non-zero counters: a Buffers line makes the missing ones 0
const BUFFER_ZEROS = Object.values(BUFFER_NAMES).flatMap((x) => Object.values(x));
const BUFFER_RE = /(shared|local|temp)((?:\s+(?:hit|read|dirtied|written)=\d+)+)/g;
const COUNTER_RE = /(hit|read|dirtied|written)=(\d+)/g;

function buffers(t: Record<string, unknown>, s: string): void {
  // constant key strings: 5,000-node plans have as many Buffers lines
  for (const m of s.matchAll(BUFFER_RE)) {
    const names = BUFFER_NAMES[m[1]!]!;
    for (const kv of m[2]!.matchAll(COUNTER_RE)) {
      const name = names[kv[1]!];
      if (name) t[name] = Number(kv[2]);
    }
  }
  for (const k of BUFFER_ZEROS) t[k] ??= 0;
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
  // dispatch on the key: a regex tried on a megabyte Output line costs more than the whole node
  const colon = line.indexOf(': ');
  if (colon < 0) return false;
  const key = line.slice(0, colon);
  const value = line.slice(colon + 2);
  const special = SPECIAL[key];
  if (special && special(t, value, line)) return true;
  return generic(t, key, value);
}

function generic(t: Record<string, unknown>, k: string, v: string): boolean {
  if (!/^[A-Z][A-Za-z/ -]*$/.test(k)) return false;
  // a megabyte Output list is only ever shown, never analysed: keep it whole instead of 10⁵ strings
  if (LIST_KEYS.has(k)) t[k] = k === 'Output' && v.length > 4096 ? [v] : splitList(v);
  else if (NUMBER_KEYS.has(k)) t[k] = Number(v);
  else if (v === 'true' || v === 'false') t[k] = v === 'true';
  else t[k] = v;
  return true;
}

type Special = (t: Record<string, unknown>, value: string, line: string) => boolean;

const SPECIAL: Record<string, Special> = {
  Buffers: (t, v) => { buffers(t, v); return true; },
  'I/O Timings': (t, v) => { ioTimings(t, v); return true; },
  WAL: (t, v) => {
    for (const kv of v.split(/\s+/)) {
      const [k, n] = kv.split('=');
      const name = { records: 'WAL Records', fpi: 'WAL FPI', bytes: 'WAL Bytes', buffers: 'WAL Buffers Full' }[k!];
      if (name) t[name] = Number(n);
    }
    return true;
  },
  'Sort Method': (t, _v, line) => {
    const m = /^Sort Method: (.+?)\s+(Memory|Disk): (\d+)kB$/.exec(line);
    if (m) Object.assign(t, { 'Sort Method': m[1], 'Sort Space Used': Number(m[3]), 'Sort Space Type': m[2] });
    return !!m;
  },
  Buckets: (t, _v, line) => {
    const m = /^Buckets: (\d+)(?: \(originally (\d+)\))?\s+Batches: (\d+)(?: \(originally (\d+)\))?\s+Memory Usage: (\d+)kB$/.exec(line);
    if (m) Object.assign(t, { 'Hash Buckets': Number(m[1]), 'Original Hash Buckets': Number(m[2] ?? m[1]), 'Hash Batches': Number(m[3]), 'Original Hash Batches': Number(m[4] ?? m[3]), 'Peak Memory Usage': Number(m[5]) });
    return !!m;
  },
  'Planned Partitions': (t, _v, line) => hashAgg(t, line),
  Batches: (t, _v, line) => hashAgg(t, line),
  'Heap Blocks': (t, v) => {
    Object.assign(t, { 'Exact Heap Blocks': 0, 'Lossy Heap Blocks': 0 });
    for (const kv of v.split(/\s+/)) {
      const [k, n] = kv.split('=');
      if (k === 'exact') t['Exact Heap Blocks'] = Number(n);
      if (k === 'lossy') t['Lossy Heap Blocks'] = Number(n);
    }
    return true;
  },
  Hits: (t, _v, line) => {
    const m = /^Hits: (\d+)\s+Misses: (\d+)\s+Evictions: (\d+)\s+Overflows: (\d+)\s+Memory Usage: (\d+)kB$/.exec(line);
    if (m) Object.assign(t, { 'Cache Hits': Number(m[1]), 'Cache Misses': Number(m[2]), 'Cache Evictions': Number(m[3]), 'Cache Overflows': Number(m[4]), 'Peak Memory Usage': Number(m[5]) });
    return !!m;
  },
  'Full-sort Groups': (t, v) => groups(t, 'Full-sort Groups', v),
  'Pre-sorted Groups': (t, v) => groups(t, 'Pre-sorted Groups', v),
  Timing: (t, v) => {
    const timing: Record<string, number> = {};
    for (const part of v.split(/,\s*/)) {
      const p = /^(\w+) ([\d.]+) ms/.exec(part.trim());
      if (p) timing[p[1]!] = Number(p[2]);
    }
    t.Timing = timing;
    return true;
  },
  Options: (t, v) => { t.Options = Object.fromEntries(v.split(/,\s*/).map((o) => { const [k, x] = o.split(' '); return [k, x === 'true']; })); return true; },
  Memory: (t, v) => {
    const m = /^used=(\d+)kB\s+allocated=(\d+)kB$/.exec(v);
    if (m) Object.assign(t, { 'Memory Used': kb(m[1]), 'Memory Allocated': kb(m[2]) });
    return !!m;
  },
  Disabled: (t, v) => { if (v !== 'true') return false; t.Disabled = true; return true; },
};

function hashAgg(t: Record<string, unknown>, line: string): boolean {
  const m = /^(?:Planned Partitions: (\d+)\s+)?Batches: (\d+)\s+Memory Usage: (\d+)kB(?:\s+Disk Usage: (\d+)kB)?$/.exec(line);
  if (m) Object.assign(t, { ...(m[1] ? { 'Planned Partitions': Number(m[1]) } : {}), 'HashAgg Batches': Number(m[2]), 'Peak Memory Usage': Number(m[3]), ...(m[4] ? { 'Disk Usage': Number(m[4]) } : {}) });
  return !!m;
}

function groups(t: Record<string, unknown>, key: string, v: string): boolean {
  const m = /^(\d+)/.exec(v);
  if (m) t[key] = { 'Group Count': Number(m[1]) };
  return !!m;
}
