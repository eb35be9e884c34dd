import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mermaid from 'mermaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { diffGenerated, writeGenerated, type GeneratedFile } from '../../src/core/codegen/files.js';
import { clusters, describeCheck, docTables, DOCS_EXTENSIONS, erDiagram, generateDocs, loadParser } from '../../src/core/codegen/docs/index.js';
import { readSnapshot, type SchemaSnapshot } from '../../src/core/introspect/index.js';
import { lintSnapshot } from '../../src/core/rules/index.js';
import { openEmptyEmbedded } from '../helpers/demo.js';

const GOLDEN = join(process.cwd(), 'test', 'fixtures', 'docs', 'golden');
const hasDot = spawnSync('dot', ['-V']).status === 0;

describe('schema documentation', () => {
  let conn: Connection;
  let cleanup: () => Promise<void>;
  let snap: SchemaSnapshot;
  let files: GeneratedFile[];
  beforeAll(async () => {
    ({ conn, cleanup } = await openEmptyEmbedded());
    await conn.exec(readFileSync(join(process.cwd(), 'test', 'fixtures', 'docs', 'schema.sql'), 'utf8'));
    snap = await readSnapshot(conn, { schemas: ['library'], stats: false });
    await loadParser();
    files = generateDocs(snap, lintSnapshot(snap).findings, { stats: false });
  });
  afterAll(() => cleanup());

  it('matches the golden Markdown and Mermaid files (UPDATE_GOLDEN=1 rewrites them)', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeGenerated(GOLDEN, files, { prune: DOCS_EXTENSIONS });
    expect(diffGenerated(GOLDEN, files, { prune: DOCS_EXTENSIONS })).toEqual([]);
  });
  it('writes CHECK constraints, domains and enums as business rules in plain words', () => {
    const books = readFileSync(join(GOLDEN, 'tables', 'library.books.md'), 'utf8');
    expect(books).toContain('- isbn must match the pattern ^[0-9]{13}$ (domain isbn)');
    expect(books).toContain('- price must be ≥ 0');
    expect(books).toContain('- pages must be between 1 and 5000');
    const loans = files.find((f) => f.path === 'tables/library.loans.md')!.contents;
    expect(loans).toContain('- state is one of open, returned, lost');
    expect(loans).toContain('- once returned_at is set, returned_at must be ≥ lent_at');
    expect(loans).toContain("- no two rows share the same book_id and copy_no where state = 'open'::library.loan_state");
    expect(describeCheck('length(name) <= 200')).toBe('name must be at most 200 characters long');
  });
  it('describes relationships both ways with their cardinality and delete rule', () => {
    const authors = files.find((f) => f.path === 'tables/library.authors.md')!.contents;
    expect(authors).toContain('- mentor_id → [library.authors](library.authors.md) (id): many-to-one, optional; on delete set null');
    expect(authors).toContain('- [library.books](library.books.md) (author_id) refers here: any number of row(s) per row; deleting a row here is refused while they exist');
    const details = files.find((f) => f.path === 'tables/library.book_details.md')!.contents;
    expect(details).toContain('one-to-one, required; on delete cascade');
    expect(files.find((f) => f.path === 'tables/library.book_details.md')!.contents).toContain('_No comment: what this table is for is not written down');
  });
  it('produces Mermaid that the mermaid parser accepts, for every diagram and page', async () => {
    const diagrams = files.filter((f) => f.path.endsWith('.mmd')).map((f) => f.contents);
    const blocks = files.filter((f) => f.path.endsWith('.md')).flatMap((f) => [...f.contents.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!));
    expect(diagrams.length + blocks.length).toBeGreaterThan(6);
    for (const d of [...diagrams, ...blocks]) await expect(mermaid.parse(d)).resolves.toMatchObject({ diagramType: 'er' });
    await expect(mermaid.parse('erDiagram\n  a ||--o{ : broken\n')).rejects.toThrow(/Parse error/);
  });
  it('draws crow\'s-foot cardinalities from nullability and uniqueness', () => {
    const all = files.find((f) => f.path === 'diagrams/all.mmd')!.contents;
    expect(all).toContain('library__authors |o..o{ library__authors : "mentor_id"');
    expect(all).toContain('library__authors ||..o{ library__books : "author_id"');
    expect(all).toContain('library__books ||--o| library__book_details : "book_id"');
    expect(all).toContain('library__books ||--o{ library__loans : "book_id"');
    expect(all).toContain('library__Reading_Room["library.Reading Room"]');
  });
  it.skipIf(!hasDot && process.env.CI !== 'true')('produces DOT that Graphviz renders', () => {
    for (const f of files.filter((x) => x.path.endsWith('.dot'))) {
      const r = spawnSync('dot', ['-Tsvg'], { input: f.contents, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('<svg');
    }
  });
  it('splits a large schema into readable clusters, keeping related tables together', () => {
    const tables = docTables(snap);
    const groups = clusters(tables, 3);
    expect(groups.every((g) => g.length <= 3)).toBe(true);
    expect(groups.flat().map((t) => t.qname).sort()).toEqual(tables.map((t) => t.qname).sort());
    expect(erDiagram(groups[0]!)).toMatch(/^%% generated by tablewright docs\nerDiagram\n/);
  });
  it('renders HTML pages with links between them', () => {
    const html = generateDocs(snap, [], { format: 'html', stats: false });
    const page = html.find((f) => f.path === 'tables/library.books.html')!.contents;
    expect(page).toContain('<h1>library.books</h1>');
    expect(page).toContain('<a href="library.authors.html">library.authors</a>');
    expect(page).toContain('<pre class="mermaid">erDiagram');
  });
  it('never touches foreign files, replaces its own, prunes its stale pages, and --check sees drift', () => {
    const out = mkdtempSync(join(tmpdir(), 'tw-docs-'));
    mkdirSync(join(out, 'tables'));
    writeFileSync(join(out, 'README.md'), 'my notes\n');
    writeFileSync(join(out, 'tables', 'library.books.md'), 'hand-written, keep me\n');
    writeFileSync(join(out, 'tables', 'library.gone.md'), '<!-- generated by tablewright docs -->\nold\n');
    const r = writeGenerated(out, files, { prune: DOCS_EXTENSIONS });
    expect(r.skipped).toEqual(['tables/library.books.md']);
    expect(r.removed).toEqual(['tables/library.gone.md']);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(out, 'tables', 'library.books.md'), 'utf8')).toBe('hand-written, keep me\n');
    expect(existsSync(join(out, 'tables', 'library.gone.md'))).toBe(false);
    expect(diffGenerated(out, files, { prune: DOCS_EXTENSIONS })).toEqual(['differs: tables/library.books.md']);
    expect(readdirSync(out).sort()).toEqual(['README.md', 'diagrams', 'index.md', 'tables']);
    expect(writeGenerated(out, files, { prune: DOCS_EXTENSIONS }).written).toEqual([]);
  });
  it('is deterministic', () => {
    expect(generateDocs(snap, lintSnapshot(snap).findings, { stats: false })).toEqual(files);
  });
});
