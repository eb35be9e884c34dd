import { GENERATED_MARKER } from '../files.js';
import type { DocTable, Relation } from './model.js';

const SHORT: Record<string, string> = {
  'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp', 'character varying': 'varchar',
  'double precision': 'float8', 'time with time zone': 'timetz', 'time without time zone': 'time', 'bit varying': 'varbit', character: 'char',
};

/** A Mermaid attribute type is one token: shorten PostgreSQL's multi-word names. */
export function mermaidType(t: string): string {
  let s = t;
  for (const [long, short] of Object.entries(SHORT)) s = s.replace(new RegExp(`^${long}(?=\\(|\\[|$)`), short);
  return s.replace(/\s+/g, '_').replace(/"/g, '');
}

const word = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || '_';

/** Entity ids: ASCII words, unique per diagram (the real name is shown as the entity's label). */
function ids(tables: DocTable[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const t of tables) {
    let id = word(`${t.schema}__${t.name}`);
    for (let n = 2; used.has(id); n++) id = `${word(`${t.schema}__${t.name}`)}_${n}`;
    used.add(id);
    out.set(t.qname, id);
  }
  return out;
}

/** Parent side: exactly one (`||`) or zero or one (`|o`); child side: many (`o{`) or at most one (`o|`). */
function connector(r: Relation, identifying: boolean): string {
  return `${r.optional ? '|o' : '||'}${identifying ? '--' : '..'}${r.oneToOne ? 'o|' : 'o{'}`;
}

/** A Mermaid `erDiagram` of these tables: key columns and FK columns, and every FK between them. */
export function erDiagram(tables: DocTable[], o: { title?: string; allColumns?: boolean } = {}): string {
  const id = ids(tables);
  const lines = [`%% ${GENERATED_MARKER} docs`, ...(o.title ? ['---', `title: ${o.title.replace(/[\n:]/g, ' ')}`, '---'] : []), 'erDiagram'];
  for (const t of tables) {
    lines.push(`  ${id.get(t.qname)}["${t.qname.replace(/"/g, "'")}"] {`);
    const pk = t.table.primaryKey?.columns ?? [];
    const fkCols = new Set(t.table.foreignKeys.flatMap((f) => f.columns));
    const uk = new Set(t.table.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]!));
    const cols = o.allColumns ? t.table.columns : t.table.columns.filter((c) => pk.includes(c.name) || fkCols.has(c.name) || uk.has(c.name));
    for (const c of cols) {
      const keys = [pk.includes(c.name) && 'PK', fkCols.has(c.name) && 'FK', uk.has(c.name) && 'UK'].filter(Boolean).join(', ');
      lines.push(`    ${mermaidType(c.type)} ${word(c.name)}${keys ? ` ${keys}` : ''}${word(c.name) !== c.name ? ` "${c.name.replace(/"/g, "'")}"` : ''}`);
    }
    lines.push('  }');
  }
  for (const t of tables) {
    for (const r of t.outgoing) {
      const parent = id.get(r.to.table);
      if (!parent) continue;
      const identifying = r.from.columns.every((c) => t.table.primaryKey?.columns.includes(c));
      lines.push(`  ${parent} ${connector(r, identifying)} ${id.get(t.qname)} : "${r.from.columns.join(', ').replace(/"/g, "'")}"`);
    }
  }
  return lines.join('\n') + '\n';
}
