import { quoteIdent } from '../sql/ident.js';
import { scanTokens } from './sql/parser.js';
import { pyStr, type RelName } from './ast.js';
import type { Fix } from './types.js';

export const qi = quoteIdent;
export { pyStr };

const LEADING = /^(CREATE[ \t\n]+(?:UNIQUE[ \t\n]+)?INDEX|DROP[ \t\n]+INDEX|REINDEX[ \t\n]+(?:INDEX|TABLE|SCHEMA|DATABASE))(?=[ \t\n])/i;

/** Inserts a keyword after the first token spelled `after` (token-level, so names and strings are untouched). */
export function insertAfterKeyword(sql: string, after: string, word: string): string {
  // the parser already said what the statement is; when it starts with plain keywords (the usual
  // case) the insertion point is known without running the lexer again
  const lead = LEADING.exec(sql);
  if (lead && lead[1]!.toUpperCase().endsWith(after)) return `${lead[0]} ${word}${sql.slice(lead[0].length)}`;
  const t = (scanTokens(sql) ?? []).find((x) => x.text.toUpperCase() === after);
  if (!t) return sql;
  const bytes = Buffer.from(sql, 'utf8');
  return `${bytes.subarray(0, t.end).toString('utf8')} ${word}${bytes.subarray(t.end).toString('utf8')}`;
}

/** Appends ` NOT VALID` before the statement's end. */
export const withNotValid = (sql: string): string => `${sql.replace(/;\s*$/, '')} NOT VALID`;

export const endSemi = (sql: string): string => (sql.trim().endsWith(';') ? sql.trim() : `${sql.trim()};`);

/** Alembic code run outside the migration's transaction. */
export const autocommit = (lines: string[]): string => ['with op.get_context().autocommit_block():', ...lines.map((l) => `    ${l}`)].join('\n');

/** The usual "add NOT VALID, validate later" recipe for a constraint. */
export function notValidThenValidate(rel: RelName, name: string, addSql: string, alembicAdd: string): Fix {
  return {
    sql: [endSemi(withNotValid(addSql)), `-- then, in a separate migration (or after COMMIT):`, `ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${qi(name)};`].join('\n'),
    alembic: [alembicAdd, '# then, in the next revision:', `op.execute(${pyStr(`ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${qi(name)}`)})`].join('\n'),
    steps: [
      'add the constraint NOT VALID: only new and updated rows are checked, the lock is brief',
      'commit, then VALIDATE CONSTRAINT in its own transaction: it scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on',
    ],
  };
}

/** The NOT NULL recipe (PG 12+): the validated CHECK proves the column has no NULLs, so SET NOT NULL skips the scan. */
export function notNullRecipe(rel: RelName, column: string, o: { backfill?: string; pgVersion: number }): Fix {
  const check = `${rel.name}_${column}_not_null`.slice(0, 63);
  const steps = [
    ...(o.backfill ? [`backfill existing rows in batches: ${o.backfill}`] : []),
    `add CHECK (${qi(column)} IS NOT NULL) NOT VALID (brief ACCESS EXCLUSIVE, no scan)`,
    'VALIDATE CONSTRAINT in a separate transaction (scan under SHARE UPDATE EXCLUSIVE: reads and writes go on)',
    'SET NOT NULL: PostgreSQL 12+ sees the validated CHECK and skips the scan',
    'drop the CHECK, now redundant',
  ];
  const sql = [
    ...(o.backfill ? [`-- ${o.backfill}`] : []),
    `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${qi(check)} CHECK (${qi(column)} IS NOT NULL) NOT VALID;`,
    `-- next migration:`,
    `ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${qi(check)};`,
    `ALTER TABLE ${rel.sql} ALTER COLUMN ${qi(column)} SET NOT NULL;`,
    `ALTER TABLE ${rel.sql} DROP CONSTRAINT ${qi(check)};`,
  ].join('\n');
  const alembic = [
    `op.create_check_constraint(${pyStr(check)}, ${pyStr(rel.name)}, ${pyStr(`${qi(column)} IS NOT NULL`)}${rel.pySchema}, postgresql_not_valid=True)`,
    '# next revision:',
    `op.execute(${pyStr(`ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${qi(check)}`)})`,
    `op.alter_column(${pyStr(rel.name)}, ${pyStr(column)}, nullable=False${rel.pySchema})`,
    `op.drop_constraint(${pyStr(check)}, ${pyStr(rel.name)}, type_="check"${rel.pySchema})`,
  ].join('\n');
  return { sql, alembic, steps: o.pgVersion < 12 ? [...steps.slice(0, -2), 'on PostgreSQL < 12 SET NOT NULL always scans: keep the validated CHECK instead of NOT NULL, or upgrade'] : steps };
}

/** The text inside the parentheses after keyword `kw` (e.g. a CHECK's expression), found with the lexer. */
export function parenthesisedAfter(sql: string, kw: string): string | undefined {
  const tokens = scanTokens(sql) ?? [];
  const at = tokens.findIndex((t) => t.text.toUpperCase() === kw && t.keywordKind > 0);
  if (at < 0 || tokens[at + 1]?.text !== '(') return undefined;
  let depth = 0;
  const bytes = Buffer.from(sql, 'utf8');
  for (let i = at + 1; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') depth++;
    else if (tokens[i]!.text === ')' && --depth === 0) return bytes.subarray(tokens[at + 1]!.end, tokens[i]!.start).toString('utf8').trim();
  }
  return undefined;
}

const STOP = new Set(['NOT', 'NULL', 'REFERENCES', 'CHECK', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'GENERATED', 'COLLATE', ',', ';']);

/** The DEFAULT expression's text in a column definition, cut with the lexer at the next constraint. */
export function defaultText(sql: string): string | undefined {
  const tokens = scanTokens(sql) ?? [];
  const at = tokens.findIndex((t) => t.text.toUpperCase() === 'DEFAULT' && t.keywordKind > 0);
  if (at < 0) return undefined;
  let depth = 0;
  let end = at + 1;
  for (; end < tokens.length; end++) {
    const t = tokens[end]!.text;
    if (t === '(') depth++;
    else if (t === ')') { if (depth === 0) break; depth--; }
    else if (depth === 0 && STOP.has(t.toUpperCase()) && tokens[end]!.tokenName !== 'SCONST') break;
  }
  if (end === at + 1) return undefined;
  return Buffer.from(sql, 'utf8').subarray(tokens[at + 1]!.start, tokens[end - 1]!.end).toString('utf8');
}

const SA: Record<string, (m: number[]) => string> = {
  integer: () => 'sa.Integer()', bigint: () => 'sa.BigInteger()', smallint: () => 'sa.SmallInteger()', text: () => 'sa.Text()',
  varchar: (m) => `sa.String(${m[0] ?? ''})`, boolean: () => 'sa.Boolean()', timestamptz: () => 'sa.DateTime(timezone=True)',
  timestamp: () => 'sa.DateTime()', date: () => 'sa.Date()', uuid: () => 'sa.Uuid()', jsonb: () => 'postgresql.JSONB()',
  json: () => 'sa.JSON()', numeric: (m) => `sa.Numeric(${m.join(', ')})`, 'double precision': () => 'sa.Double()', real: () => 'sa.REAL()',
};

/** The SQLAlchemy spelling of a type, for Alembic fixes. */
export const saType = (t: { name: string; mods: number[]; text: string } | undefined): string =>
  t && SA[t.name] ? SA[t.name]!(t.mods) : `sa.types.NullType()  # ${t?.text ?? 'type'}: write the SQLAlchemy type`;
