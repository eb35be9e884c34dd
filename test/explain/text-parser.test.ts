import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/explain/index.js';
import { UserError } from '../../src/core/errors.js';
import { plan, planText } from './helpers.js';

const labels = (text: string) => parsePlan(text).nodes.map((n) => n.label);
const reference = labels(planText('03-hash-join-batches', 'txt'));

describe('text plans as psql, pgAdmin and DBeaver print them', () => {
  const raw = planText('03-hash-join-batches', 'txt').trimEnd().split('\n');
  it('psql aligned output: QUERY PLAN header, rule, + continuations and the (N rows) footer', () => {
    const text = ['                 QUERY PLAN', '---------------------------------------------', ...raw.map((l) => ` ${l} +`), '(22 rows)'].join('\n');
    expect(labels(text)).toEqual(reference);
  });
  it('psql with borders (unicode and ASCII)', () => {
    const w = Math.max(...raw.map((l) => l.length));
    expect(labels(['┌' + '─'.repeat(w + 2) + '┐', '│ QUERY PLAN │', '├' + '─'.repeat(w + 2) + '┤', ...raw.map((l) => `│ ${l.padEnd(w)} │`), '└' + '─'.repeat(w + 2) + '┘'].join('\n'))).toEqual(reference);
    expect(labels(['+' + '-'.repeat(w + 2) + '+', ...raw.map((l) => `| ${l.padEnd(w)} |`), '+' + '-'.repeat(w + 2) + '+'].join('\n'))).toEqual(reference);
  });
  it('quoted lines (DBeaver / CSV copy), tabs, and lines hard-wrapped inside parentheses', () => {
    expect(labels(raw.map((l) => `"${l.replace(/"/g, '""')}"`).join('\n'))).toEqual(reference);
    expect(labels(raw.map((l) => l.replace(/^ {4}/, '\t')).join('\n'))).toEqual(reference);
    const wrapped = raw.flatMap((l) => (l.includes('(actual time=') ? [l.slice(0, l.indexOf('rows=')), `      ${l.slice(l.indexOf('rows='))}`] : [l]));
    const t = parsePlan(wrapped.join('\n'));
    expect(t.nodes.map((n) => n.label)).toEqual(reference);
    expect(t.root.actualRows).toBe(250000);
  });
  it('the same numbers as the JSON of the same text: node types, buffers, hash batches, settings', () => {
    const t = plan('03-hash-join-batches', 'txt');
    expect(t.nodes[2]!.raw['Hash Batches']).toBe(8);
    expect(t.root.buffers).toMatchObject({ 'Shared Hit Blocks': 3549, 'Shared Read Blocks': 5547, 'Temp Read Blocks': 1738, 'Temp Written Blocks': 1738, 'Local Hit Blocks': 0 });
    expect(t.root.raw['Temp I/O Write Time']).toBe(7.992);
    expect(t.settings).toEqual({ max_parallel_workers_per_gather: '0', work_mem: '1MB' });
    expect(t.planningTimeMs).toBe(0.648);
  });
  it('node-name grammar: joins, aggregates, backward scans, never executed, COSTS OFF', () => {
    const t = parsePlan([
      'Finalize GroupAggregate  (cost=1.00..2.00 rows=1 width=8) (actual time=0.1..0.5 rows=1 loops=1)',
      '  ->  Nested Loop Left Join  (actual time=0.1..0.4 rows=3 loops=1)',
      '        ->  Index Scan Backward using t_pkey on public.t x  (cost=0.1..1.0 rows=3 width=4) (actual time=0.01..0.02 rows=3 loops=1)',
      '        ->  Seq Scan on u  (cost=0.00..1.00 rows=1 width=4) (never executed)',
      '              Filter: (id = x.id)',
    ].join('\n'));
    expect(t.nodes.map((n) => [n.nodeType, n.label])).toEqual([
      ['Aggregate', 'Finalize GroupAggregate'], ['Nested Loop', 'Nested Loop Left Join'],
      ['Index Scan', 'Index Scan Backward using t_pkey on t x'], ['Seq Scan', 'Seq Scan on u'],
    ]);
    expect(t.nodes[3]!.neverExecuted).toBe(true);
    expect(t.nodes[1]!.totalCost).toBe(0);
  });
});

describe('bad plans', () => {
  const fails = (text: string) => {
    try {
      parsePlan(text, 'plan.txt');
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return (err as Error).message;
    }
    throw new Error('expected a UserError');
  };
  it('malformed JSON names the line and column', () => {
    expect(fails('[\n  {"Plan": {"Node Type": "Seq Scan",\n   "Total Cost": 1,,}}]')).toMatch(/plan\.txt is not valid JSON at line 3, column \d+/);
  });
  it('JSON without Plan or Node Type names the field', () => {
    expect(fails('[{"Execution Time": 1}]')).toContain('no "Plan" field');
    expect(fails('{"Plan": {"Plans": [{"Total Cost": 1}]}}')).toContain('Plan has no "Node Type"');
    expect(fails('{"Plan": {"Node Type": "Hash", "Plans": [{"Total Cost": 1}]}}')).toContain('Plan.Plans[0] has no "Node Type"');
  });
  it('text that is not a plan names the line', () => {
    expect(fails('hello world')).toMatch(/line 1: expected a plan node/);
    expect(fails('Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  ->  what is this')).toMatch(/line 2/);
    expect(fails('')).toContain('is empty');
  });
  it('plans from other tools with missing fields give a partial analysis with a note, not a crash', () => {
    const t = parsePlan('{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Actual Rows": 5, "Actual Loops": 1}}');
    expect(t.root.inclusiveMs).toBe(0);
    expect(t.notes.join(' ')).toMatch(/no Actual Total Time/);
    expect(t.notes.join(' ')).toMatch(/no Execution Time/);
  });
});
