import { at, tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const NM03: Rule = {
  id: 'NM03', name: 'identifier-length', category: 'naming', severity: 'warning', needs: ['snapshot'],
  why: 'PostgreSQL silently truncates identifiers to 63 bytes; a name of exactly 63 bytes was probably cut, and two cut names can collide.',
  check: (ctx) => ctx.each(tables(ctx.snapshot), (t) => t.qname, (t) => {
    const names: [string, RawFinding['target']][] = [
      [t.table.name, at(t)],
      ...t.table.columns.map((c) => [c.name, at(t, { column: c.name })] as [string, RawFinding['target']]),
      ...t.table.indexes.map((i) => [i.name, at(t, { object: i.name })] as [string, RawFinding['target']]),
      ...t.table.foreignKeys.map((f) => [f.name, at(t, { object: f.name })] as [string, RawFinding['target']]),
      ...t.table.checks.map((c) => [c.name, at(t, { object: c.name })] as [string, RawFinding['target']]),
    ];
    return names.filter(([n]) => Buffer.byteLength(n) >= 63).map(([n, target]) => ({ target, message: `"${n}" is ${Buffer.byteLength(n)} bytes long: it was probably truncated to PostgreSQL's 63-byte limit` }));
  }),
};
