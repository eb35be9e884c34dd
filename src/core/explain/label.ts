import type { RawNode } from './types.js';

const AGG_NAMES: Record<string, string> = { Hashed: 'HashAggregate', Sorted: 'GroupAggregate', Mixed: 'MixedAggregate', Plain: 'Aggregate' };
const JOINS = new Set(['Hash Join', 'Merge Join', 'Nested Loop']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The node's name as the text format prints it ("Parallel Seq Scan", "Hash Left Join", "HashAggregate"). */
export function nodeName(n: RawNode): string {
  const t = n['Node Type'];
  let name = t;
  if (t === 'Aggregate') name = AGG_NAMES[str(n.Strategy) ?? 'Plain'] ?? 'Aggregate';
  else if (t === 'ModifyTable') name = str(n.Operation) ?? t;
  else if (JOINS.has(t)) {
    const jt = str(n['Join Type']);
    if (jt && jt !== 'Inner') name = t === 'Nested Loop' ? `Nested Loop ${jt} Join` : t.replace(' Join', ` ${jt} Join`);
  }
  const pm = str(n['Partial Mode']);
  if (pm && pm !== 'Simple') name = `${pm} ${name}`;
  if (n['Parallel Aware'] === true) name = `Parallel ${name}`;
  if (n['Async Capable'] === true && t === 'Foreign Scan') name = `Async ${name}`;
  if (n['Scan Direction'] === 'Backward') name = `${name} Backward`;
  return name;
}

/** "Index Scan using orders_pkey on orders c": the name plus what it reads. */
export function nodeLabel(n: RawNode): string {
  let label = nodeName(n);
  const index = str(n['Index Name']);
  // a Bitmap Index Scan prints "on idx", the other index scans "using idx on table"
  if (index) label += n['Node Type'] === 'Bitmap Index Scan' ? ` on ${index}` : ` using ${index}`;
  const target = str(n['Relation Name']) ?? str(n['CTE Name']) ?? str(n['Function Name']);
  const alias = str(n.Alias);
  if (target) label += ` on ${target}${alias && alias !== target ? ` ${alias}` : ''}`;
  else if (alias && n['Node Type'] === 'Subquery Scan') label += ` on ${alias}`;
  return label;
}
