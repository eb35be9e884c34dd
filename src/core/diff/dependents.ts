import type { EnumType, SchemaSnapshot, View } from '../introspect/types.js';
import { entries } from './compare.js';
import { change } from './diff-table.js';
import type { Change, EnumUse } from './types.js';

/** Table columns of an enum type (arrays of it too): a recreate of the type converts each. */
export function enumUses(s: SchemaSnapshot, schema: string, e: EnumType): EnumUse[] {
  const ref = `${schema}.${e.name}`;
  const out: EnumUse[] = [];
  for (const sc of entries(s.schemas)) {
    for (const t of entries(sc.tables)) {
      if (t.partition?.parent) continue;
      for (const c of t.columns) if (c.typeRef === ref && !c.inherited) out.push({ schema: sc.name, table: t.name, column: c.name, array: c.arrayDims > 0, default: c.default });
    }
  }
  return out;
}

/**
 * Views reading a table whose columns change type or go away (or a view that is rebuilt) block
 * the ALTER: they are dropped before and recreated after, even when their own text is unchanged.
 */
export function viewsToRebuild(from: SchemaSnapshot, to: SchemaSnapshot, changes: Change[]): void {
  const touched = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'column' && (c.action === 'drop' || (c.action === 'alter' && (c.from!.type !== c.to!.type || c.from!.collation !== c.to!.collation)))) touched.add(`${c.schema}.${c.table}`);
    if ((c.kind === 'view' || c.kind === 'materializedView') && c.action !== 'add') touched.add(`${c.schema}.${c.name}`);
    if (c.kind === 'table' && c.action === 'drop') touched.add(`${c.schema}.${c.name}`);
    if (c.kind === 'enumLabels') for (const u of c.from!.usedBy) touched.add(`${u.schema}.${u.table}`);
  }
  const changing = new Set(changes.filter((c) => c.kind === 'view' || c.kind === 'materializedView').map((c) => `${c.schema}.${c.name}`));
  const views: { schema: string; v: View; kind: 'view' | 'materializedView' }[] = entries(from.schemas).flatMap((s) => [
    ...entries(s.views).map((v) => ({ schema: s.name, v, kind: 'view' as const })),
    ...entries(s.materializedViews).map((v) => ({ schema: s.name, v, kind: 'materializedView' as const })),
  ]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { schema, v, kind } of views) {
      const q = `${schema}.${v.name}`;
      if (changing.has(q) || !v.dependsOn.some((d) => touched.has(d))) continue;
      const after = (kind === 'view' ? to.schemas[schema]?.views : to.schemas[schema]?.materializedViews)?.[v.name];
      if (!after) continue;
      changes.push(change(kind, 'alter', schema, undefined, v.name, v, after, { risk: 'caution', rebuild: true, summary: `rebuild ${kind === 'view' ? 'view' : 'materialized view'} ${q} (it reads a table that changes)` }));
      changing.add(q);
      touched.add(q);
      grew = true;
    }
  }
}
