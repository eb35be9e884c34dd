import type { CatalogItem } from '../../../src/tui/browser/catalog-items.js';

/** `schemas` × `perSchema` tables as Browser items, for windowing tests and the benchmark. */
export function syntheticItems(schemas: number, perSchema: number): CatalogItem[] {
  const out: CatalogItem[] = [];
  for (let s = 0; s < schemas; s++) {
    const schema = `tenant_${String(s).padStart(3, '0')}`;
    out.push({ key: `schema:${schema}.${schema}`, kind: 'schema', schema, name: schema, search: schema });
    for (let t = 0; t < perSchema; t++) {
      const name = `table_${String(t).padStart(5, '0')}`;
      out.push({ key: `table:${schema}.${name}`, kind: 'table', schema, name, rows: t * 10, bytes: t * 8192, search: `${schema}.${name}` });
    }
  }
  return out;
}
