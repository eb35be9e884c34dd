import { fmtCount, fmtPct, num0 } from '../format.js';
import type { PlanNode, PlanTree } from '../types.js';
import type { NodeRule } from './types.js';
import { workerSkew } from '../workers.js';

const IO_KEYS = ['I/O Read Time', 'I/O Write Time', 'Shared I/O Read Time', 'Shared I/O Write Time', 'Local I/O Read Time', 'Temp I/O Read Time', 'Temp I/O Write Time'];
const hasIoTiming = (n: PlanNode) => IO_KEYS.some((k) => n.raw[k] !== undefined);
const SCANS = /Scan$/;
const writes = new WeakMap<PlanTree, boolean>();
/** Whether the statement modifies data (asked per node, answered once per plan). */
const modifies = (t: PlanTree) => {
  let w = writes.get(t);
  if (w === undefined) writes.set(t, (w = t.nodes.some((x) => x.nodeType === 'ModifyTable')));
  return w;
};

/** explain.md §3 F and G: buffers and I/O, parallelism, writes. */
export const IO_RULES: NodeRule[] = [
  {
    id: 'cold-cache',
    check(n) {
      const read = num0(n.exclusiveBuffers['Shared Read Blocks']);
      const hit = num0(n.exclusiveBuffers['Shared Hit Blocks']);
      if (read < 1000 || read / (hit + read) <= 0.2) return undefined;
      const io = num0(n.raw['I/O Read Time']) + num0(n.raw['Shared I/O Read Time']);
      if (hasIoTiming(n) && io < 0.5 * n.exclusiveMs) return undefined;
      return { severity: 'warn', impactMs: hasIoTiming(n) ? io : n.exclusiveMs, message: `${n.label} reads ${fmtCount(read)} blocks from outside shared buffers (${fmtPct(read / (hit + read))} of its pages)`, action: 'the working set is not cached: compare a warm re-run; a covering or partial index reads fewer pages' };
    },
  },
  {
    id: 'read-efficiency',
    check(n) {
      if (!SCANS.test(n.nodeType) || n.nodeType === 'Bitmap Index Scan' || !n.analyzed || n.actualRowsTotal === 0) return undefined;
      const pages = num0(n.exclusiveBuffers['Shared Hit Blocks']) + num0(n.exclusiveBuffers['Shared Read Blocks']);
      const visited = n.actualRowsTotal + (n.removedByFilterTotal ?? 0);
      if (pages < 1000 || pages / visited <= 10) return undefined;
      return { severity: 'info', impactMs: n.exclusiveMs, message: `${n.label} touches ${fmtCount(pages)} pages for ${fmtCount(visited)} rows (${(pages / visited).toFixed(0)} per row)`, action: 'bloat or poor locality: VACUUM, CLUSTER or pg_repack the table; a covering index' };
    },
  },
  {
    id: 'no-io-timing',
    check(n, t) {
      if (n.parentId !== null || !t.analyzed) return undefined;
      const reads = t.nodes.some((x) => num0(x.buffers['Shared Read Blocks']) > 0);
      if (!reads || t.nodes.some(hasIoTiming)) return undefined;
      return { severity: 'info', impactMs: 0, message: 'blocks were read from disk but track_io_timing is off: I/O and CPU time cannot be told apart', action: 'turn on track_io_timing (if permitted) and explain again', sql: 'SET track_io_timing = on;' };
    },
  },
  {
    id: 'backend-writes',
    check(n, t) {
      const written = num0(n.exclusiveBuffers['Shared Written Blocks']);
      const readOnly = !modifies(t);
      // scans are where a reading backend writes pages (hint bits, evictions)
      if (!readOnly || written <= 0 || !SCANS.test(n.nodeType)) return undefined;
      return { severity: 'info', impactMs: 0, message: `${n.label} wrote ${fmtCount(written)} dirty shared buffers while reading`, action: 'the backend evicted dirty pages (tune bgwriter/checkpoints) or set hint bits after a bulk load (VACUUM the table)' };
    },
  },
  {
    id: 'workers-not-launched',
    check(n) {
      if (n.nodeType !== 'Gather' && n.nodeType !== 'Gather Merge') return undefined;
      const planned = num0(n.raw['Workers Planned']);
      const launched = n.raw['Workers Launched'];
      if (typeof launched !== 'number' || launched >= planned) return undefined;
      return { severity: 'warn', impactMs: n.inclusiveMs, message: `${n.label} launched ${launched} of ${planned} planned workers`, action: 'max_parallel_workers / max_worker_processes were exhausted; raise them or run fewer parallel queries at once' };
    },
  },
  {
    id: 'worker-skew',
    check(n) {
      const s = workerSkew(n);
      // rows skew climbs up through every parallel node above the scan: report it where it starts
      if (!s || n.children.some((c) => workerSkew(c)?.by === s.by)) return undefined;
      const ratio = Number.isFinite(s.ratio) ? `${s.ratio.toFixed(1)}×` : 'one did nothing';
      const what = (w: typeof s.low) => (s.by === 'rows' ? `${fmtCount(w.rows)} rows` : `${w.timeMs!.toFixed(1)} ms`);
      return {
        severity: 'info', impactMs: Math.max(0, s.excessMs),
        message: `${n.label}: uneven workers by ${s.by}, worker ${s.high.worker} ${what(s.high)} vs worker ${s.low.worker} ${what(s.low)} (${ratio}); the leader did ${fmtCount(s.leaderRows)} rows`,
        action: 'uneven distribution: leader participation (parallel_leader_participation), data skew, or a small table',
      };
    },
  },
  {
    id: 'disabled-node',
    check(n, t) {
      const forced = n.raw.Disabled === true || (n.totalCost >= 1e10 && Object.entries(t.settings).some(([k, v]) => k.startsWith('enable_') && v === 'off'));
      if (!forced || n.children.some((c) => c.raw.Disabled === true || c.totalCost >= 1e10 && n.raw.Disabled !== true)) return undefined;
      return { severity: 'warn', impactMs: n.exclusiveMs, message: `${n.label} was chosen although a planner setting disables it`, action: `remove the ${Object.entries(t.settings).filter(([k, v]) => k.startsWith('enable_') && v === 'off').map(([k]) => k).join(', ') || 'enable_*'} setting, or give the planner a usable alternative` };
    },
  },
  {
    id: 'wal-fpi-heavy',
    check(n) {
      if (n.nodeType !== 'ModifyTable') return undefined;
      const records = num0(n.raw['WAL Records']);
      const fpi = num0(n.raw['WAL FPI']);
      const bytes = num0(n.raw['WAL Bytes']);
      const rows = n.children[0]?.actualRowsTotal ?? 0;
      if (!records || (fpi / records <= 0.1 && (!rows || bytes / rows <= 1024))) return undefined;
      return { severity: 'info', impactMs: 0, message: `${n.label} wrote ${fmtCount(bytes)} bytes of WAL (${fmtCount(records)} records, ${fmtCount(fpi)} full-page images)`, action: 'full-page writes after a checkpoint, or many indexes updated per row: batch writes, drop unused indexes' };
    },
  },
];
