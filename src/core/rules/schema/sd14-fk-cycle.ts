import { column, tables } from '../model.js';
import { cycles, type Graph } from '../graph.js';
import type { RawFinding, Rule } from '../types.js';

/** Proposed rule: tables that reference each other in a loop cannot be filled in a naive order. */
export const SD14: Rule = {
  id: 'SD14', name: 'fk-cycle', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'Tables that reference each other in a loop cannot be inserted (or restored) in any plain order: one key of the loop must be nullable or DEFERRABLE INITIALLY DEFERRED.',
  check: (ctx) => {
    const edges = new Map<string, { to: string; deferrable: boolean; nullable: boolean; name: string }[]>();
    for (const t of tables(ctx.snapshot)) {
      for (const fk of t.table.foreignKeys) {
        if (fk.references.table === t.qname) continue;
        const nullable = fk.columns.some((c) => !column(t.table, c)?.notNull);
        edges.set(t.qname, [...(edges.get(t.qname) ?? []), { to: fk.references.table, deferrable: fk.deferrable, nullable, name: fk.name }]);
      }
    }
    const graph: Graph = new Map([...edges].map(([from, list]) => [from, list.map((e) => e.to)]));
    const comps = cycles(graph);
    const out: RawFinding[] = [];
    for (const comp of comps) {
      const inLoop = comp.flatMap((q) => (edges.get(q) ?? []).filter((e) => comp.includes(e.to)));
      if (inLoop.some((e) => e.deferrable)) continue;
      const [schema, table] = [comp[0]!.slice(0, comp[0]!.indexOf('.')), comp[0]!.slice(comp[0]!.indexOf('.') + 1)];
      const breakable = inLoop.some((e) => e.nullable);
      out.push({
        target: { schema, table },
        message: `tables ${comp.join(', ')} reference each other in a loop (${inLoop.map((e) => e.name).join(', ')}) and no key of the loop is DEFERRABLE${breakable ? '' : ' or nullable'}`,
        severity: breakable ? 'info' : undefined,
        fix: { steps: [`make one key deferrable: ALTER TABLE … ALTER CONSTRAINT ${inLoop[0]!.name} DEFERRABLE INITIALLY DEFERRED;`] },
      });
    }
    return out;
  },
};
