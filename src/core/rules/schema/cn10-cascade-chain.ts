import { at, incomingFks, tables } from '../model.js';
import { longestPaths, type Graph } from '../graph.js';
import type { Rule } from '../types.js';

/**
 * Proposed rule (not in the catalog's first edition): a DELETE that cascades through two or more
 * levels removes rows the user never named.
 */
export const CN10: Rule = {
  id: 'CN10', name: 'cascade-chain', category: 'constraints', severity: 'info', needs: ['snapshot'],
  why: 'ON DELETE CASCADE chains turn one DELETE into a mass delete several tables away; make deep cascades deliberate, or use RESTRICT and soft deletes.',
  defaults: { minDepth: 2 },
  check: (ctx) => {
    // edges point from a parent to the tables its deletes cascade into
    const g: Graph = new Map();
    for (const [parent, list] of incomingFks(ctx.snapshot)) {
      const into = list.filter(({ from, fk }) => fk.onDelete === 'CASCADE' && from.qname !== parent).map(({ from }) => from.qname);
      if (into.length) g.set(parent, [...new Set(into)].sort());
    }
    const paths = longestPaths(g);
    const cascadedInto = new Set([...g.values()].flat());
    return ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
      const p = paths.get(t.qname);
      // report at the roots only: tables further down are named in their root's finding
      if (!p || p.length < (ctx.options.minDepth as number) || cascadedInto.has(t.qname)) return undefined;
      const chain = [t.qname];
      for (let q = p.next; q && chain.length <= p.length; q = paths.get(q)?.next) chain.push(q);
      const shown = chain.length > 6 ? [...chain.slice(0, 3), '…', ...chain.slice(-2)] : chain;
      return { target: at(t), message: `deleting a row of ${t.qname} cascades through ${p.length} levels: ${shown.join(' → ')}` };
    });
  },
};
