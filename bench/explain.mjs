// Plan parsing + metrics + insights on (1) a synthetic 5,000-node JSON plan, (2) a ~10 MB text plan,
// (3) the biggest captured plan in shared/data/plans. Prints medians; targets < 50 ms and < 500 ms.
// Usage: npm run build && node bench/explain.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan, planInsights } from '../dist/core/explain/index.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(label, text, runs, target) {
  const ms = [];
  const cpu = [];
  let tree;
  let insights;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    tree = parsePlan(text);
    insights = planInsights(tree);
    const d = process.cpuUsage(c);
    ms.push(performance.now() - t);
    // CPU time of this thread and the GC's: on a shared box wall time mostly measures the neighbours
    cpu.push((d.user + d.system) / 1000);
  }
  console.log(`${label.padEnd(44)} ${String(tree.nodes.length).padStart(6)} nodes ${(text.length / 2 ** 20).toFixed(1).padStart(5)} MB  median ${median(ms).toFixed(1).padStart(7)} ms wall (min ${Math.min(...ms).toFixed(1)}), ${median(cpu).toFixed(1)} ms CPU, of ${runs}${target ? `  target < ${target} ms` : ''}  (${insights.length} insights)`);
}

// a join tree of scans with filters, sorts and hashes: every kind of rule has something to look at
let seq = 0;
function node(depth) {
  const id = ++seq;
  const base = { 'Startup Cost': 0, 'Total Cost': 1000 + id, 'Plan Rows': 100, 'Plan Width': 32, 'Actual Startup Time': 0.01, 'Actual Total Time': 1 + (id % 97) / 10, 'Actual Rows': 100 + (id % 500), 'Actual Loops': 1 + (id % 3), 'Shared Hit Blocks': id * 3, 'Shared Read Blocks': id % 50 };
  if (depth <= 0 || seq > 4990) return { 'Node Type': 'Seq Scan', 'Relation Name': `t${id % 300}`, Schema: 'public', Alias: `t${id}`, Filter: `(t${id}.c${id % 7} = ${id})`, 'Rows Removed by Filter': id * 10, ...base };
  const kinds = ['Hash Join', 'Nested Loop', 'Merge Join'];
  const t = kinds[id % 3];
  const left = node(depth - 1);
  const right = t === 'Hash Join' ? { 'Node Type': 'Hash', 'Hash Batches': 1 + (id % 4), 'Original Hash Batches': 1, 'Peak Memory Usage': 1024, ...base, 'Total Cost': 10, Plans: [node(depth - 1)] } : node(depth - 1);
  return { 'Node Type': t, 'Join Type': 'Inner', ...base, 'Actual Total Time': 500, Plans: [left, right] };
}
const plans = [];
while (seq < 4990) plans.push(node(10));
const root = { 'Node Type': 'Append', 'Startup Cost': 0, 'Total Cost': 1e6, 'Plan Rows': 1, 'Plan Width': 1, 'Actual Startup Time': 0, 'Actual Total Time': 9000, 'Actual Rows': 1, 'Actual Loops': 1, Plans: plans };
const json = JSON.stringify([{ Plan: root, 'Planning Time': 1, 'Execution Time': 9000, Triggers: [] }]);

// the same kind of tree as text, with long Output lines, until it is 10 MB
function text(n, indent, out) {
  const pad = ' '.repeat(indent);
  const head = `${indent ? `${pad}->  ` : ''}${n['Node Type']}${n['Relation Name'] ? ` on public.${n['Relation Name']} ${n.Alias}` : ''}  (cost=0.00..${n['Total Cost']}.00 rows=${n['Plan Rows']} width=${n['Plan Width']}) (actual time=0.010..${n['Actual Total Time'].toFixed(3)} rows=${n['Actual Rows']} loops=${n['Actual Loops']})`;
  out.push(head);
  const d = ' '.repeat(indent ? indent + 6 : 2);
  out.push(`${d}Output: ${Array.from({ length: 40 }, (_, i) => `${n.Alias ?? 'x'}.column_number_${i}`).join(', ')}`);
  if (n.Filter) out.push(`${d}Filter: ${n.Filter}`, `${d}Rows Removed by Filter: ${n['Rows Removed by Filter']}`);
  out.push(`${d}Buffers: shared hit=${n['Shared Hit Blocks']} read=${n['Shared Read Blocks']}`);
  for (const c of n.Plans ?? []) text(c, indent ? indent + 6 : 2, out);
}
const lines = [];
text(root, 0, lines);
let big = lines.join('\n');
// widen the Output lines until the plan is 10 MB (the tree stays 5,000 nodes)
const factor = Math.ceil((10 * 2 ** 20) / big.length);
if (factor > 1) big = lines.map((l) => (l.includes('Output: ') ? l + `, ${'pad_column, '.repeat(Math.ceil((l.length * (factor - 1)) / 12))}last` : l)).join('\n');
big += '\nPlanning Time: 1.000 ms\nExecution Time: 9000.000 ms\n';

console.log(`node ${process.version}, ${new Date().toISOString()}`);
measure("synthetic JSON plan", json, 15, 50);
measure("synthetic text plan", big, 5, 500);
const dir = process.env.TW_PLANS_DIR ?? new URL('../test/fixtures/shared-data/plans/', import.meta.url).pathname;
if (existsSync(dir)) {
  const biggest = readdirSync(dir).filter((f) => /\.(json|txt)$/.test(f)).sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  measure(`biggest captured plan (${biggest})`, readFileSync(join(dir, biggest), 'utf8'), 21);
}
