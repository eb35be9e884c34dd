import { SEED_TYPES } from '../../core/design/index.js';
import type { SchemaSnapshot } from '../../core/introspect/types.js';

const PG_TYPES = ['bigint', 'integer', 'smallint', 'numeric(12,2)', 'text', 'varchar(255)', 'boolean', 'timestamptz', 'date', 'uuid', 'jsonb', 'bytea', 'inet', 'interval', 'text[]', 'double precision'];
const MODIFIERS = ['unique', 'null', 'index', 'check(', 'comment(', 'fk('];

/**
 * Tab in a column line: the word under the cursor completed from what fits there — a type after
 * the first `:`, a modifier after the next ones, a table inside `fk(`. Returns the new text and,
 * when several fit, the candidates to show.
 */
export function completeField(text: string, snap: SchemaSnapshot | null): { text: string; candidates: string[] } {
  const m = /^(.*?)([\w.]*)$/s.exec(text)!;
  const [head, word] = [m[1]!, m[2]!];
  let pool: string[];
  if (/fk\(\s*$/i.test(head)) {
    pool = snap ? Object.entries(snap.schemas).flatMap(([s, x]) => Object.keys(x.tables).map((t) => (s === 'public' ? t : `${s}.${t}`))) : [];
  } else {
    const colons = (head.slice(head.lastIndexOf(',') + 1).match(/:/g) ?? []).length;
    if (!colons) return { text, candidates: [] };
    const types = snap ? Object.entries(snap.schemas).flatMap(([s, x]) => Object.values(x.types).filter((t) => !t.extension).map((t) => (s === 'public' ? t.name : `${s}.${t.name}`))) : [];
    pool = colons === 1 ? [...Object.keys(SEED_TYPES), ...PG_TYPES, ...types, 'fk(', 'enum('] : MODIFIERS;
  }
  const hits = [...new Set(pool)].filter((c) => c.startsWith(word)).sort();
  if (!hits.length) return { text, candidates: [] };
  let common = hits[0]!;
  for (const h of hits) while (!h.startsWith(common)) common = common.slice(0, -1);
  return { text: head + common, candidates: hits.length > 1 ? hits : [] };
}
