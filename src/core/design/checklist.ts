import { lintSnapshot, SCHEMA_RULES } from '../rules/index.js';
import type { Severity } from '../rules/types.js';
import type { FkAction } from '../introspect/types.js';
import type { TableDraft } from './draft.js';
import type { Evaluated } from './evaluate.js';

/** One checklist line about the draft, with the change that fixes it when one key can. */
export interface DraftCheck {
  ruleId: string;
  severity: Severity;
  message: string;
  column?: string;
  fix?: { label: string; apply: (d: TableDraft) => TableDraft };
}

// rules that need statistics or activity cannot say anything about a table that does not exist yet
const SNAPSHOT_RULES = SCHEMA_RULES.filter((r) => r.needs.every((n) => n === 'snapshot'));
const LOW_CARDINALITY = new Set(['boolean']);

const setColumn = (name: string, patch: Partial<TableDraft['columns'][number]>) => (d: TableDraft): TableDraft =>
  ({ ...d, columns: d.columns.map((c) => (c.name === name ? { ...c, ...patch } : c)) });
const setFk = (column: string, patch: { index?: boolean; onDelete?: FkAction }) => (d: TableDraft): TableDraft =>
  ({ ...d, foreignKeys: d.foreignKeys.map((f) => (f.column === column ? { ...f, ...patch } : f)) });
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]+/g, '_');

/** The one-key fix of a rule's finding on the draft, as a change to the draft (never SQL). */
function fixFor(ruleId: string, d: TableDraft, column: string | undefined): DraftCheck['fix'] {
  switch (ruleId) {
    case 'SD01': return { label: 'add an identity primary key', apply: (x) => ({ ...x, pk: 'identity' }) };
    case 'SD02': return { label: 'add created_at / updated_at', apply: (x) => ({ ...x, timestamps: true }) };
    case 'IX01': return column ? { label: `index ${column}`, apply: setFk(column, { index: true }) } : undefined;
    case 'CN01': return column ? { label: `make ${column} NOT NULL`, apply: setColumn(column, { nullable: false }) } : undefined;
    case 'CN07': return column ? { label: 'ON DELETE RESTRICT', apply: setFk(column, { onDelete: 'RESTRICT' }) } : undefined;
    case 'CN11': return column ? { label: `make ${column} nullable`, apply: setColumn(column, { nullable: true }) } : undefined;
    case 'TY01': return column ? { label: 'use timestamptz', apply: setColumn(column, { type: 'timestamptz' }) } : undefined;
    case 'TY02': case 'TY03': return column ? { label: 'use text', apply: setColumn(column, { type: 'text' }) } : undefined;
    case 'TY04': return column ? { label: 'use jsonb', apply: setColumn(column, { type: 'jsonb' }) } : undefined;
    case 'TY07': case 'TY10': return column ? { label: 'use numeric(12,2)', apply: setColumn(column, { type: 'numeric(12,2)' }) } : undefined;
    case 'CN12': return column ? { label: `check ${column} >= 0`, apply: setColumn(column, { check: `${column} >= 0` }) } : undefined;
    case 'IX06': return column ? { label: `drop the index on ${column}`, apply: (x) => ({ ...x, indexes: x.indexes.filter((i) => i.columns[0] !== column) }) } : undefined;
    case 'NM01':
      if (column) return { label: `rename to ${snake(column)}`, apply: (x) => ({ ...setColumn(column, { name: snake(column) })(x), foreignKeys: x.foreignKeys.map((f) => (f.column === column ? { ...f, column: snake(column) } : f)) }) };
      return { label: `rename to ${snake(d.name)}`, apply: (x) => ({ ...x, name: snake(x.name) }) };
  }
  return undefined;
}

/** The schema rules on the snapshot with the draft in it, as if it existed; only findings about the draft. */
export function draftChecklist(ev: Evaluated): DraftCheck[] {
  const d = ev.draft;
  const result = lintSnapshot(ev.snapshot, { rules: SNAPSHOT_RULES });
  const mine = result.findings.filter((f) => f.target.schema === d.schema && f.target.table === d.name);
  const out: DraftCheck[] = mine.map((f) => {
    // foreign-key findings name the constraint; the draft's fixes work on its column
    const column = typeof f.target.column === 'string' ? f.target.column : ev.table.foreignKeys.find((k) => k.name === f.target.object)?.columns[0];
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, ...(column ? { column } : {}), fix: fixFor(f.ruleId, d, column) };
  });
  // IX06 needs statistics on a live table; on a draft, a boolean-leading index is low-cardinality by its type
  for (const i of d.indexes) {
    const c = ev.table.columns.find((x) => x.name === i.columns[0]);
    if (c && LOW_CARDINALITY.has(c.type) && !i.where) out.push({ ruleId: 'IX06', severity: 'info', message: `the index on ${i.columns.join(', ')} leads with a ${c.type} column: two values rarely make a useful index (a partial index WHERE ${c.name} is better)`, column: c.name, fix: fixFor('IX06', d, c.name) });
  }
  return out.sort((a, b) => sevRank(b.severity) - sevRank(a.severity) || a.ruleId.localeCompare(b.ruleId));
}

const sevRank = (s: Severity) => ({ info: 0, warning: 1, error: 2 })[s];
