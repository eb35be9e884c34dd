import { at, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

const NON_ASCII = /[^\x00-\x7f]/;

export const NM03: Rule = {
  id: 'NM03', name: 'identifier-length', category: 'naming', severity: 'warning', needs: ['snapshot'],
  why: 'PostgreSQL silently truncates identifiers to 63 bytes; a name of exactly 63 bytes was probably cut, and two cut names can collide.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    // ASCII names are as many bytes as characters; a UTF-16 unit is at most 3 UTF-8 bytes
    const long = (n: string) => n.length >= 63 || (n.length >= 21 && NON_ASCII.test(n));
    if (!long(t.table.name) && !t.table.columns.some((c) => long(c.name)) && !t.table.indexes.some((i) => long(i.name)) &&
      !t.table.foreignKeys.some((f) => long(f.name)) && !t.table.checks.some((c) => long(c.name))) return undefined;
    const out: RawFinding[] = [];
    const check = (n: string, target: () => RawFinding['target']) => {
      if (long(n) && Buffer.byteLength(n) >= 63) out.push({ target: target(), message: `"${n}" is ${Buffer.byteLength(n)} bytes long: it was probably truncated to PostgreSQL's 63-byte limit` });
    };
    check(t.table.name, () => at(t));
    for (const c of t.table.columns) check(c.name, () => at(t, { column: c.name }));
    for (const o of [...t.table.indexes, ...t.table.foreignKeys, ...t.table.checks]) check(o.name, () => at(t, { object: o.name }));
    return out;
  }),
};
