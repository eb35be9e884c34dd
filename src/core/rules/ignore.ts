import type { SchemaSnapshot } from '../introspect/types.js';
import type { LintConfig } from './config.js';
import type { Finding } from './types.js';

const INLINE = /tablewright:ignore(?:\s+([A-Z]{2}\d{2}(?:\s*,\s*[A-Z]{2}\d{2})*))?/;

/** Rule ids an object's comment asks to ignore (`tablewright:ignore IX01, SD02`); `*` for a bare marker. */
export function inlineIgnores(comment: string | undefined): string[] {
  const m = comment ? INLINE.exec(comment) : null;
  if (!m) return [];
  return m[1] ? m[1].split(',').map((s) => s.trim()) : ['*'];
}

/** The comments that can carry an inline ignore for a finding: its column, its object, its table, its schema. */
function commentsFor(snap: SchemaSnapshot, f: Finding): (string | undefined)[] {
  const { schema, table, column, object } = f.target;
  if (!schema) return [];
  const s = snap.schemas[schema];
  if (!s) return [];
  const out: (string | undefined)[] = [s.comment];
  const t = table ? s.tables[table] : undefined;
  if (t) {
    out.push(t.comment);
    if (typeof column === 'string') out.push(t.columns.find((c) => c.name === column)?.comment);
    if (object) {
      out.push(t.indexes.find((i) => i.name === object)?.comment, t.foreignKeys.find((k) => k.name === object)?.comment,
        t.checks.find((k) => k.name === object)?.comment, t.policies.find((p) => p.name === object)?.comment);
    }
  } else if (object) {
    out.push(s.views[object]?.comment, s.materializedViews[object]?.comment, s.functions[object]?.comment, s.sequences[object]?.comment, s.types[object]?.comment);
  }
  return out;
}

/** Names by which a config `ignore` entry can match a finding. */
function objectNames(f: Finding): string[] {
  const { schema, table, column, object } = f.target;
  const names: string[] = [];
  if (schema && table) {
    names.push(`${schema}.${table}`);
    if (typeof column === 'string') names.push(`${schema}.${table}.${column}`);
  }
  if (schema && object) names.push(`${schema}.${object}`);
  if (object) names.push(object);
  if (schema) names.push(schema);
  return names;
}

const markerCache = new WeakMap<SchemaSnapshot, boolean>();

/** Whether any comment in the snapshot carries an ignore marker; most schemas have none, which skips all lookups. */
export function hasIgnoreMarkers(snap: SchemaSnapshot): boolean {
  let has = markerCache.get(snap);
  if (has === undefined) {
    const marked = (c?: string) => !!c && c.includes('tablewright:ignore');
    has = Object.values(snap.schemas).some((s) => marked(s.comment) ||
      Object.values(s.tables).some((t) => marked(t.comment) || t.columns.some((c) => marked(c.comment)) ||
        t.indexes.some((i) => marked(i.comment)) || t.foreignKeys.some((k) => marked(k.comment)) || t.checks.some((k) => marked(k.comment)) || t.policies.some((p) => marked(p.comment))) ||
      [s.views, s.materializedViews, s.functions, s.sequences, s.types].some((m) => Object.values(m).some((o) => marked(o.comment))));
    markerCache.set(snap, has);
  }
  return has;
}

export function isIgnored(snap: SchemaSnapshot, f: Finding, config: LintConfig): boolean {
  if (config.ignore.length) {
    const names = objectNames(f);
    if (config.ignore.some((e) => (e.rule === '*' || e.rule === f.ruleId) && names.includes(e.object))) return true;
  }
  if (!hasIgnoreMarkers(snap)) return false;
  return commentsFor(snap, f).some((c) => {
    const ids = inlineIgnores(c);
    return ids.includes('*') || ids.includes(f.ruleId);
  });
}
