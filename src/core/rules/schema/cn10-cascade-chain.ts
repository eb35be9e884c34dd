import { at, incomingFks, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

/**
 * Proposed rule (not in the catalog's first edition): a DELETE that cascades through two or more
 * levels removes rows the user never named.
 */
export const CN10: Rule = {
  id: 'CN10', name: 'cascade-chain', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'ON DELETE CASCADE chains turn one DELETE into a mass delete several tables away; make deep cascades deliberate, or use RESTRICT and soft deletes.',
  defaults: { minDepth: 2 },
  check: (ctx) => {
    const incoming = incomingFks(ctx.snapshot);
    const depth = (q: string, seen: Set<string>): string[] => {
      let best: string[] = [];
      for (const { from, fk } of incoming.get(q) ?? []) {
        if (fk.onDelete !== 'CASCADE' || seen.has(from.qname)) continue;
        const path = [from.qname, ...depth(from.qname, new Set([...seen, from.qname]))];
        if (path.length > best.length) best = path;
      }
      return best;
    };
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t): RawFinding | undefined => {
      const path = depth(t.qname, new Set([t.qname]));
      if (path.length < (ctx.options.minDepth as number)) return undefined;
      // report at the root only: a table that is itself cascaded into is covered by its root's finding
      const isCascadedInto = t.table.foreignKeys.some((fk) => fk.onDelete === 'CASCADE' && fk.references.table !== t.qname);
      if (isCascadedInto) return undefined;
      return { target: at(t), message: `deleting a row of ${t.qname} cascades through ${path.length} levels: ${[t.qname, ...path].join(' → ')}` };
    });
  },
};
