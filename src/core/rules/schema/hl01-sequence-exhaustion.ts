import { quoteQName } from '../../sql/ident.js';
import type { Rule } from '../types.js';

const TYPE_MAX: Record<string, number> = { smallint: 32767, integer: 2147483647, bigint: 9223372036854775807 };

export const HL01: Rule = {
  id: 'HL01', name: 'sequence-exhaustion', category: 'health', severity: 'error', needs: ['stats'],
  why: 'When a sequence (or the column it feeds) reaches its maximum, every INSERT fails until the column is widened, which rewrites the table.',
  defaults: { threshold: 0.9 },
  check: (ctx) => {
    const seqs = Object.entries(ctx.snapshot.schemas).flatMap(([schema, s]) => Object.values(s.sequences).map((seq) => ({ schema, seq })));
    return ctx.each(seqs, (x) => `${x.schema}.${x.seq.name}`, ({ schema, seq }) => {
      const state = ctx.stats!.sequences[`${schema}.${seq.name}`];
      if (!state?.lastValue) return undefined;
      let limit = state.maxValue;
      let limitBy = 'the sequence maximum';
      if (seq.ownedBy) {
        const [ts, tn] = [seq.ownedBy.table.slice(0, seq.ownedBy.table.indexOf('.')), seq.ownedBy.table.slice(seq.ownedBy.table.indexOf('.') + 1)];
        const col = ctx.snapshot.schemas[ts]?.tables[tn]?.columns.find((c) => c.name === seq.ownedBy!.column);
        const colMax = col ? TYPE_MAX[col.type] : undefined;
        if (colMax && colMax <= limit) { limit = colMax; limitBy = `the ${col!.type} column ${seq.ownedBy.table}.${col!.name}`; }
      }
      const used = state.lastValue / limit;
      if (used < (ctx.options.threshold as number)) return undefined;
      return {
        target: { schema, object: seq.name, ...(seq.ownedBy ? { table: seq.ownedBy.table.slice(seq.ownedBy.table.indexOf('.') + 1), column: seq.ownedBy.column } : {}) },
        message: `sequence ${schema}.${seq.name} has used ${(used * 100).toFixed(1)} % of ${limitBy} (${state.lastValue} of ${limit})`,
        fix: { steps: [`widen the column to bigint (ALTER TABLE … ALTER COLUMN … TYPE bigint rewrites the table: plan a migration), then ALTER SEQUENCE ${quoteQName(schema, seq.name)} AS bigint`] },
      };
    });
  },
};
