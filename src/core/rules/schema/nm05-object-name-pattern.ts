import { at, keyColumns, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const NM05: Rule = {
  id: 'NM05', name: 'object-name-pattern', category: 'naming', severity: 'info', needs: ['snapshot'],
  why: 'Index and constraint names that follow one convention (<table>_<columns>_idx, _key, _fkey, _pkey) tell you what they are in every error message and plan.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const out: RawFinding[] = [];
    const tn = t.table.name;
    for (const ix of t.table.indexes) {
      if (ix.constraint) continue;
      const suffix = ix.unique ? '_key' : '_idx';
      if (!(ix.name.startsWith(`${tn}_`) && ix.name.endsWith(suffix))) {
        const cols = keyColumns(ix).map((c) => c ?? 'expr').join('_');
        out.push({ target: at(t, { object: ix.name }), message: `index ${ix.name} on ${t.qname} does not follow <table>_<columns>${suffix} (e.g. ${tn}_${cols}${suffix})` });
      }
    }
    for (const fk of t.table.foreignKeys) {
      if (!(fk.name.startsWith(`${tn}_`) && fk.name.endsWith('_fkey'))) out.push({ target: at(t, { object: fk.name }), message: `foreign key ${fk.name} on ${t.qname} does not follow <table>_<columns>_fkey` });
    }
    const pk = t.table.primaryKey;
    if (pk && pk.name !== `${tn}_pkey`) out.push({ target: at(t, { object: pk.name }), message: `primary key ${pk.name} on ${t.qname} is not named ${tn}_pkey` });
    return out;
  }),
};
