import type { DocTable } from './model.js';

/** Tables within `hops` foreign-key steps of `center`, either direction, in name order. */
export function neighbourhood(tables: DocTable[], center: string, hops: number): DocTable[] {
  const byQ = new Map(tables.map((t) => [t.qname, t]));
  const seen = new Set([center]);
  let frontier = [center];
  for (let h = 0; h < hops; h++) {
    const next: string[] = [];
    for (const q of frontier) {
      const t = byQ.get(q);
      for (const r of [...(t?.outgoing ?? []), ...(t?.incoming ?? [])]) {
        for (const o of [r.from.table, r.to.table]) if (!seen.has(o) && byQ.has(o)) { seen.add(o); next.push(o); }
      }
    }
    frontier = next;
  }
  return tables.filter((t) => seen.has(t.qname));
}

/**
 * Splits tables into readable clusters of at most `max`: connected groups stay together, and a
 * group too big for one picture is cut in breadth-first order so that related tables stay close.
 */
export function clusters(tables: DocTable[], max: number): DocTable[][] {
  const byQ = new Map(tables.map((t) => [t.qname, t]));
  const done = new Set<string>();
  const groups: DocTable[][] = [];
  for (const start of tables) {
    if (done.has(start.qname)) continue;
    const order: DocTable[] = [];
    const queue = [start.qname];
    done.add(start.qname);
    while (queue.length) {
      const t = byQ.get(queue.shift()!)!;
      order.push(t);
      const near = [...t.outgoing.map((r) => r.to.table), ...t.incoming.map((r) => r.from.table)].sort();
      for (const q of near) if (byQ.has(q) && !done.has(q)) { done.add(q); queue.push(q); }
    }
    for (let i = 0; i < order.length; i += max) groups.push(order.slice(i, i + max));
  }
  // small groups (often single tables) are packed together rather than drawn one per picture
  const packed: DocTable[][] = [];
  for (const g of groups.sort((a, b) => b.length - a.length || a[0]!.qname.localeCompare(b[0]!.qname))) {
    const fit = packed.find((p) => p.length + g.length <= max);
    if (fit) fit.push(...g);
    else packed.push([...g]);
  }
  return packed;
}
