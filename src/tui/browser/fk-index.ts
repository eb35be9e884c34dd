import type { ForeignKey, SchemaSnapshot } from '../../core/introspect/types.js';

export interface IncomingFk {
  /** referencing table, `schema.name` */
  from: string;
  fk: ForeignKey;
}

let memo: { snap: SchemaSnapshot; map: Map<string, IncomingFk[]> } | undefined;

/** Foreign keys by the table they point at: the snapshot stores only the outgoing side. */
export function incomingFks(snap: SchemaSnapshot, qname: string): IncomingFk[] {
  if (memo?.snap !== snap) {
    const map = new Map<string, IncomingFk[]>();
    for (const s of Object.values(snap.schemas)) {
      for (const t of Object.values(s.tables)) {
        for (const fk of t.foreignKeys) {
          const list = map.get(fk.references.table) ?? [];
          list.push({ from: `${s.name}.${t.name}`, fk });
          map.set(fk.references.table, list);
        }
      }
    }
    memo = { snap, map };
  }
  return memo.map.get(qname) ?? [];
}
