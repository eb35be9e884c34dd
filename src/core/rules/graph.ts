/** Small graph helpers for rules over foreign keys; iterative, so 10,000-table chains do not overflow the stack. */

export type Graph = Map<string, string[]>;

/** Strongly connected components with more than one node (Tarjan, iterative). */
export function cycles(g: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of [...g.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, next); low.set(root, next); next++; stack.push(root); onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = g.get(top.v) ?? [];
      if (top.i < edges.length) {
        const w = edges[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++; stack.push(w); onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); comp.push(w); } while (w !== top.v);
        if (comp.length > 1) out.push(comp.sort());
      }
    }
  }
  return out;
}

/**
 * The longest simple path starting at each node of a graph, following `g`'s edges; edges that
 * close a cycle are ignored. Returns for each node its path length and the next node on it.
 */
export function longestPaths(g: Graph): Map<string, { length: number; next?: string }> {
  const best = new Map<string, { length: number; next?: string }>();
  const visiting = new Set<string>();
  for (const root of g.keys()) {
    if (best.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    visiting.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = g.get(top.v) ?? [];
      if (top.i < edges.length) {
        const w = edges[top.i++]!;
        if (!best.has(w) && !visiting.has(w)) { visiting.add(w); work.push({ v: w, i: 0 }); }
        continue;
      }
      let length = 0;
      let next: string | undefined;
      for (const w of edges) {
        const b = best.get(w);
        if (b && b.length + 1 > length) { length = b.length + 1; next = w; }
      }
      best.set(top.v, { length, next });
      visiting.delete(top.v);
      work.pop();
    }
  }
  return best;
}
