import { tables } from '../model.js';
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
        const nullable = fk.columns.some((c) => !t.table.columns.find((x) => x.name === c)?.notNull);
        edges.set(t.qname, [...(edges.get(t.qname) ?? []), { to: fk.references.table, deferrable: fk.deferrable, nullable, name: fk.name }]);
      }
    }
    // Tarjan's strongly connected components: each component of 2+ tables is a loop
    let index = 0;
    const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
    const comps: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
      for (const e of edges.get(v) ?? []) {
        if (!idx.has(e.to)) { visit(e.to); low.set(v, Math.min(low.get(v)!, low.get(e.to)!)); }
        else if (on.has(e.to)) low.set(v, Math.min(low.get(v)!, idx.get(e.to)!));
      }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== v);
        if (comp.length > 1) comps.push(comp.sort());
      }
    };
    for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
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
