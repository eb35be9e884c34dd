import { UserError } from '../errors.js';
import { cleanPlanText } from './text-lines.js';
import { parseDetail, splitList } from './text-details.js';
import type { RawNode, RawPlan } from './types.js';

const NODE_RE = /^(?<arrow>->\s+)?(?<name>[A-Z][^(]*?)\s*(?:\(cost=(?<sc>[\d.]+)\.\.(?<tc>[\d.]+) rows=(?<pr>[\d.]+) width=(?<w>\d+)\))?\s*(?:\((?:actual (?:time=(?<as>[\d.]+)\.\.(?<at>[\d.]+) )?rows=(?<ar>[\d.]+) loops=(?<al>[\d.]+)|(?<never>never executed))\))?\s*$/;
const SECTION_RE = /^(?<name>(?:InitPlan \d+(?: \(returns [^)]*\))?|SubPlan \d+|CTE .+))$/;

const AGGREGATES: Record<string, string> = { HashAggregate: 'Hashed', GroupAggregate: 'Sorted', MixedAggregate: 'Mixed', Aggregate: 'Plain' };
const OPERATIONS = ['Insert', 'Update', 'Delete', 'Merge'];

/** "Parallel Index Scan Backward using i on public.t a" → the JSON model's fields. */
export function nodeFromName(text: string): RawNode {
  const n: Record<string, unknown> = {};
  let name = text.trim();
  const using = / using (\S+)/.exec(name);
  const on = / on (\S+)(?: (\S+))?$/.exec(name.replace(/ using \S+/, ''));
  name = name.replace(/ (using|on) .*$/, '');
  if (name.startsWith('Parallel ')) { n['Parallel Aware'] = true; name = name.slice(9); }
  if (name.startsWith('Async ')) { n['Async Capable'] = true; name = name.slice(6); }
  if (name.endsWith(' Backward')) { n['Scan Direction'] = 'Backward'; name = name.slice(0, -9); }
  const pm = /^(Finalize|Partial|Simple) (.+)$/.exec(name);
  if (pm) { n['Partial Mode'] = pm[1]; name = pm[2]!; }
  let type = name;
  if (AGGREGATES[name]) { type = 'Aggregate'; n.Strategy = AGGREGATES[name]; if (!pm) n['Partial Mode'] = 'Simple'; }
  else if (OPERATIONS.includes(name)) { type = 'ModifyTable'; n.Operation = name; }
  else {
    const j = /^(Hash|Merge) (?:(Left|Right|Full|Semi|Anti|Right Semi|Right Anti) )?Join$/.exec(name) ?? /^(Nested Loop)(?: (Left|Right|Full|Semi|Anti|Right Semi|Right Anti) Join)?$/.exec(name);
    if (j) { type = j[1] === 'Nested Loop' ? 'Nested Loop' : `${j[1]} Join`; n['Join Type'] = j[2] ?? 'Inner'; }
  }
  n['Node Type'] = type;
  if (using) n['Index Name'] = using[1];
  if (on) {
    const target = on[1]!;
    const dot = target.lastIndexOf('.');
    const bare = dot > 0 ? target.slice(dot + 1) : target;
    if (type === 'CTE Scan') n['CTE Name'] = bare;
    else if (type === 'Function Scan') n['Function Name'] = bare;
    else if (type === 'Bitmap Index Scan') n['Index Name'] = bare;
    else if (type === 'Subquery Scan') n.Alias = bare;
    else { n['Relation Name'] = bare; if (dot > 0) n.Schema = target.slice(0, dot); }
    if (type !== 'Bitmap Index Scan' && type !== 'Subquery Scan') n.Alias = on[2] ?? bare;
  }
  return n as RawNode;
}

interface Open { node: RawNode; arrow: number }

/**
 * A text plan as psql, pgAdmin or DBeaver print it, into the JSON model, so one tree builder
 * serves both. Errors name the line that could not be read.
 */
export function parseTextPlan(text: string, source = 'the plan'): RawPlan {
  const lines = cleanPlanText(text);
  if (!lines.length) throw new UserError(`${source} is empty; paste the output of EXPLAIN (ANALYZE, BUFFERS) or give a .json plan`);
  const plan: RawPlan = { Plan: undefined as unknown as RawNode };
  const stack: Open[] = [];
  let section: { name: string; col: number } | undefined;
  let block: { target: Record<string, unknown>; col: number } | undefined;
  for (const [i, line] of lines.entries()) {
    const col = line.length - line.trimStart().length;
    const body = line.trim();
    if (block && col > block.col) { parseDetail(block.target, body); continue; }
    block = undefined;
    // only the first line and `->` lines can be nodes: long detail lines never meet the regex
    const m = body.startsWith('->') || !plan.Plan ? NODE_RE.exec(body) : null;
    const isNode = m && (m.groups!.arrow || (!plan.Plan && (m.groups!.tc || m.groups!.ar || m.groups!.never)));
    if (isNode) {
      const g = m.groups!;
      const node = nodeFromName(g.name!);
      if (g.tc) Object.assign(node, { 'Startup Cost': Number(g.sc), 'Total Cost': Number(g.tc), 'Plan Rows': Number(g.pr), 'Plan Width': Number(g.w) });
      if (g.ar) Object.assign(node, g.at ? { 'Actual Startup Time': Number(g.as), 'Actual Total Time': Number(g.at) } : {}, { 'Actual Rows': Number(g.ar), 'Actual Loops': Number(g.al) });
      if (g.never) Object.assign(node, { 'Actual Rows': 0, 'Actual Loops': 0 });
      const arrow = g.arrow ? col : -1;
      while (stack.length && stack.at(-1)!.arrow >= arrow) stack.pop();
      const parent = stack.at(-1);
      if (!parent) {
        if (plan.Plan) throw new UserError(`${source}, line ${i + 1}: a second top-level node "${body.slice(0, 40)}"; give one plan at a time`);
        plan.Plan = node;
      } else {
        if (section && section.col < arrow && section.col > parent.arrow) {
          node['Parent Relationship'] = section.name.startsWith('SubPlan') ? 'SubPlan' : 'InitPlan';
          node['Subplan Name'] = section.name;
        } else {
          const kids = (parent.node.Plans ?? []).filter((k) => !k['Subplan Name']).length;
          node['Parent Relationship'] = parent.node['Node Type'] === 'Append' || parent.node['Node Type'] === 'Merge Append' ? 'Member' : kids ? 'Inner' : 'Outer';
        }
        (parent.node.Plans ??= []).push(node);
      }
      section = undefined;
      stack.push({ node, arrow });
      continue;
    }
    const sec = SECTION_RE.exec(body);
    if (sec && stack.length) {
      while (stack.length > 1 && stack.at(-1)!.arrow >= col) stack.pop();
      section = { name: sec.groups!.name!, col };
      continue;
    }
    while (stack.length && stack.at(-1)!.arrow >= col) stack.pop();
    // the root's details are indented; a line at column 0 after the root belongs to the statement
    const owner = col > 0 ? stack.at(-1) : undefined;
    if (owner) {
      const worker = body.startsWith('Worker ') ? /^Worker (\d+):\s*(.*)$/.exec(body) : null;
      if (worker) {
        const w: Record<string, unknown> = { 'Worker Number': Number(worker[1]) };
        if (worker[2]) parseWorkerHead(w, worker[2]);
        ((owner.node.Workers ??= []) as unknown[]).push(w);
        block = { target: w, col };
        continue;
      }
      if (!parseDetail(owner.node, body)) throw new UserError(`${source}, line ${i + 1}: cannot read "${body.slice(0, 60)}"`);
      continue;
    }
    if (!plan.Plan) throw new UserError(`${source}, line ${i + 1}: expected a plan node like "Seq Scan on t  (cost=…)", got "${body.slice(0, 60)}"`);
    topLevel(plan, body, (target) => { block = { target, col }; });
  }
  if (!plan.Plan) throw new UserError(`${source}: no plan node found; paste the output of EXPLAIN (ANALYZE, BUFFERS)`);
  return plan;
}

function parseWorkerHead(w: Record<string, unknown>, s: string): void {
  const a = /actual (?:time=([\d.]+)\.\.([\d.]+) )?rows=([\d.]+) loops=([\d.]+)/.exec(s);
  if (a) Object.assign(w, a[1] ? { 'Actual Startup Time': Number(a[1]), 'Actual Total Time': Number(a[2]) } : {}, { 'Actual Rows': Number(a[3]), 'Actual Loops': Number(a[4]) });
  else parseDetail(w, s);
}

const ms = (s: string) => Number(/([\d.]+)/.exec(s)?.[1] ?? NaN);

function topLevel(plan: RawPlan, body: string, openBlock: (target: Record<string, unknown>) => void): void {
  let m: RegExpExecArray | null;
  if ((m = /^Planning [Tt]ime:\s*(.+)$/.exec(body))) plan['Planning Time'] = ms(m[1]!);
  else if ((m = /^(?:Execution [Tt]ime|Total runtime):\s*(.+)$/.exec(body))) plan['Execution Time'] = ms(m[1]!);
  else if ((m = /^Query Identifier:\s*(-?\d+)$/.exec(body))) plan['Query Identifier'] = m[1]!;
  else if ((m = /^Settings:\s*(.*)$/.exec(body))) {
    plan.Settings = Object.fromEntries(splitList(m[1]!).map((kv) => {
      const [k, ...v] = kv.split('=');
      return [k!.trim(), v.join('=').trim().replace(/^'(.*)'$/, '$1')];
    }));
  } else if ((m = /^Trigger (.+?)(?: for constraint (\S+))?(?: on (\S+))?: time=([\d.]+) calls=(\d+)$/.exec(body))) {
    (plan.Triggers ??= []).push({ 'Trigger Name': m[1]!, ...(m[2] ? { 'Constraint Name': m[2] } : {}), ...(m[3] ? { Relation: m[3] } : {}), Time: Number(m[4]), Calls: Number(m[5]) });
  } else if (body === 'Planning:') openBlock((plan.Planning = {}) as Record<string, unknown>);
  else if (body === 'JIT:') {
    const jit: Record<string, unknown> = {};
    plan.JIT = jit as RawPlan['JIT'];
    openBlock(jit);
  } else if ((m = /^Serialization:\s*(.*)$/.exec(body))) plan.Serialization = { Time: ms(/time=([\d.]+)/.exec(m[1]!)?.[1] ?? '') };
  // anything else at the top (auto_explain's Query Text, localised lines) is kept, not fatal
  else ((plan['Unparsed Lines'] ??= []) as string[]).push(body);
}
