import { tables } from '../model.js';
import type { RawFinding, Rule } from '../types.js';

export const SD11: Rule = {
  id: 'SD11', name: 'inconsistent-column-types', category: 'design', severity: 'warning', needs: ['snapshot'],
  why: 'The same column name with different types across tables (customer_id uuid here, bigint there) breaks joins and confuses readers.',
  check: (ctx) => {
    const byName = new Map<string, Map<string, string[]>>();
    for (const t of tables(ctx.snapshot)) {
      for (const c of t.table.columns) {
        if (!/_id$/.test(c.name)) continue;
        let types = byName.get(c.name);
        if (!types) byName.set(c.name, (types = new Map()));
        let where = types.get(c.type);
        if (!where) types.set(c.type, (where = []));
        where.push(t.qname);
      }
    }
    const out: RawFinding[] = [];
    for (const [name, types] of byName) {
      if (types.size < 2) continue;
      const [common] = [...types].sort((a, b) => b[1].length - a[1].length);
      for (const [type, where] of types) {
        if (type === common![0]) continue;
        for (const q of where) {
          const [schema, table] = [q.slice(0, q.indexOf('.')), q.slice(q.indexOf('.') + 1)];
          out.push({ target: { schema, table, column: name }, message: `${q}.${name} is ${type}, but ${common![1].length} other table(s) use ${common![0]} for ${name}` });
        }
      }
    }
    return out;
  },
};
