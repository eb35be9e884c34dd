import type { Step, TableDraft } from '../../core/design/index.js';

/** One selectable line of a step's form. */
export interface FormRow {
  /** what Enter/Space/d act on: `name`, `column:email`, `fk:org_id`, `index:0`, `pk`, … */
  id: string;
  label: string;
  value: string;
}

const onOff = (b: boolean) => (b ? 'yes' : 'no');

/** The rows of a step, from the draft alone, so the view and the keys agree on what the cursor is on. */
export function stepRows(step: Step, d: TableDraft, outputDir: string | null): FormRow[] {
  switch (step) {
    case 'name':
      return [
        { id: 'name', label: 'table', value: d.name || '(Enter to name it)' },
        { id: 'schema', label: 'schema', value: d.schema },
        { id: 'comment', label: 'comment', value: d.comment ?? '' },
      ];
    case 'columns':
      return [
        ...d.columns.map((c) => ({
          id: `column:${c.name}`,
          label: c.name,
          value: [c.enumLabels ? `enum(${c.enumLabels.join('|')})` : c.type || `→ ${d.foreignKeys.find((f) => f.column === c.name)?.table ?? '?'}`, c.nullable ? 'null' : 'not null', c.unique ? 'unique' : '', c.default !== undefined ? `= ${c.default}` : '', c.check ? `check (${c.check})` : ''].filter(Boolean).join('  '),
        })),
        { id: 'add', label: '+ add', value: 'a: name:type[:unique][:null][=default]' },
      ];
    case 'keys':
      return [
        { id: 'pk', label: 'primary key', value: d.pk === 'identity' ? 'id bigint identity' : d.pk === 'uuid' ? 'id uuid gen_random_uuid()' : `natural (${d.pkColumns.join(', ') || 'Enter: columns'})` },
        { id: 'timestamps', label: 'timestamps', value: `${onOff(d.timestamps)}  created_at, updated_at (trigger keeps it current)` },
        { id: 'softDelete', label: 'soft delete', value: `${onOff(d.softDelete)}  deleted_at` },
        { id: 'versionColumn', label: 'version', value: `${onOff(d.versionColumn)}  optimistic locking column` },
        { id: 'audit', label: 'audit trail', value: `${onOff(!!d.audit)}  rows into ${d.schema}.audit_log (created once)` },
      ];
    case 'relations':
      return [
        ...d.foreignKeys.map((f) => ({ id: `fk:${f.column}`, label: f.column, value: `→ ${f.table}${f.refColumn ? `.${f.refColumn}` : ''} · ${f.onDelete} · ${f.index ? 'indexed' : 'no index'}` })),
        { id: 'add', label: '+ add', value: 'a: column fk(table) · Space: ON DELETE · i: index' },
      ];
    case 'indexes':
      return [
        ...d.indexes.map((ix, i) => ({ id: `index:${i}`, label: ix.columns.join(', '), value: `${ix.unique ? 'unique' : ''}${ix.where ? ` where ${ix.where}` : ''}` })),
        ...d.foreignKeys.filter((f) => f.index).map((f) => ({ id: `fk:${f.column}`, label: f.column, value: 'for the foreign key (relations step)' })),
        { id: 'add', label: '+ add', value: 'a: col[,col…] [unique] [where …]' },
      ];
    case 'review':
      return [
        { id: 'outputDir', label: 'output', value: outputDir ?? '(project layout, or Enter to choose)' },
        { id: 'write', label: 'write files', value: 'w' },
        { id: 'apply', label: 'apply', value: 'x: run the migration (write mode, asks first)' },
      ];
  }
}
