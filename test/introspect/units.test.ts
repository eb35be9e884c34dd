import { describe, expect, it } from 'vitest';
import { parseAcl, parseAclItem } from '../../src/core/introspect/acl.js';
import { schemaCondition } from '../../src/core/introspect/filter.js';
import { closeMatches, splitName } from '../../src/core/introspect/lookup.js';
import { splitTopLevel } from '../../src/core/introspect/split.js';
import { describeRelations, prettyBytes } from '../../src/core/introspect/describe.js';
import { renderType } from '../../src/core/codegen/ddl/index.js';
import { catalogStatements } from '../../src/core/introspect/catalog-sql.js';
import { splitInTwo } from '../../src/core/introspect/parallel-batch.js';

describe('aclitem decoding', () => {
  it('reads grantee, privileges, grant options and grantor', () => {
    expect(parseAclItem('alice=arw*/bob')).toEqual({ grantee: 'alice', grantor: 'bob', privileges: ['INSERT', 'SELECT', 'UPDATE'], grantable: ['UPDATE'] });
  });
  it('reads an empty grantee as PUBLIC and knows PG 17 MAINTAIN', () => {
    expect(parseAclItem('=m/postgres')).toEqual({ grantee: 'PUBLIC', grantor: 'postgres', privileges: ['MAINTAIN'], grantable: [] });
  });
  it('unquotes role names with special characters', () => {
    expect(parseAclItem('"we ""odd"" one"=U/"Boss Man"').grantee).toBe('we "odd" one');
    expect(parseAclItem('"we ""odd"" one"=U/"Boss Man"').grantor).toBe('Boss Man');
  });
  it('sorts a list by grantee and treats NULL as default privileges', () => {
    expect(parseAcl(['zed=r/o', 'amy=r/o']).map((a) => a.grantee)).toEqual(['amy', 'zed']);
    expect(parseAcl(null)).toEqual([]);
  });
});

describe('expression list splitting', () => {
  it('splits at top-level commas only', () => {
    expect(splitTopLevel(`lower(a), (b + c), coalesce(d, 'x,y'), "we,ird", ARRAY[1, 2]`))
      .toEqual(['lower(a)', '(b + c)', `coalesce(d, 'x,y')`, '"we,ird"', 'ARRAY[1, 2]']);
  });
  it('keeps doubled quotes inside literals', () => {
    expect(splitTopLevel(`f('it''s, fine'), g()`)).toEqual([`f('it''s, fine')`, 'g()']);
  });
});

describe('schema filter', () => {
  it('turns names into equality and globs into anchored regexes, quoting literals', () => {
    const sql = schemaCondition({ schemas: ["app", "te*'st"], excludeSchemas: ['app_?'] }, 'postgres');
    expect(sql).toContain(`nspname = 'app'`);
    expect(sql).toContain(`nspname ~ '^te.*''st$'`);
    expect(sql).toContain(`NOT (nspname ~ '^app_.$')`);
  });
  it('hides platform schemas by flavour unless asked or named', () => {
    expect(schemaCondition({}, 'supabase')).toMatch(/nspname NOT IN \('_analytics', '_realtime', 'auth'/);
    expect(schemaCondition({ schemas: ['auth'] }, 'supabase')).not.toContain(`'auth'`.concat(','));
    expect(schemaCondition({ includePlatform: true }, 'citus')).not.toContain('NOT IN');
    expect(schemaCondition({}, 'postgres')).not.toContain('NOT IN');
  });
});

describe('names', () => {
  it('splits qualified names, honouring double quotes', () => {
    expect(splitName('public.orders')).toEqual({ schema: 'public', name: 'orders' });
    expect(splitName('"My.Schema"."Ta""ble"')).toEqual({ schema: 'My.Schema', name: 'Ta"ble' });
    expect(splitName('orders')).toEqual({ name: 'orders' });
  });
  it('suggests close matches, nearest first', () => {
    expect(closeMatches('ordr', ['orders', 'order_items', 'customers'])).toEqual(['orders']);
    expect(closeMatches('item', ['orders', 'order_items'])).toEqual(['order_items']);
    expect(closeMatches('zzzzzz', ['orders'])).toEqual([]);
  });
});

describe('text output', () => {
  it('prints sizes the way pg_size_pretty does', () => {
    expect(prettyBytes(8192)).toBe('8192 bytes');
    expect(prettyBytes(10240)).toBe('10 kB');
    expect(prettyBytes(52_000_000)).toBe('50 MB');
  });
  it('lists relations as an aligned table with a row count', () => {
    const text = describeRelations([
      { schema: 'public', name: 'orders', kind: 'table', rowEstimate: 1234.4, totalBytes: 20480 },
      { schema: 'public', name: 'v', kind: 'view', rowEstimate: -1, totalBytes: 0 },
    ]);
    expect(text.split('\n')[1]).toMatch(/^ Schema \| Name\s+\| Type\s+\| Rows \(est\.\) \| Size \(est\.\) \| Description$/);
    expect(text).toMatch(/ public \| orders \| table \| 1,234\s+\| ~20 kB/);
    expect(text).toContain('(2 rows)');
  });
  it('renders enum and domain DDL with quoted names', () => {
    expect(renderType('my schema', { kind: 'enum', name: 'Mood', owner: 'o', acl: [], labels: ["it's", 'ok'] }))
      .toBe(`CREATE TYPE "my schema"."Mood" AS ENUM ('it''s', 'ok');\n`);
    expect(renderType('s', { kind: 'domain', name: 'd', owner: 'o', acl: [], baseType: 'integer', notNull: true, default: '1', checks: [{ name: 'c', expression: 'VALUE > 0', validated: true, noInherit: false, enforced: true }] }))
      .toBe(`CREATE DOMAIN "s"."d" AS integer DEFAULT 1 NOT NULL\n  CONSTRAINT "c" CHECK (VALUE > 0);\n`);
  });
});

describe('two-backend split of a catalog read', () => {
  const statements = [...catalogStatements({ versionNum: 150000, nsCond: 'true', stats: true, eager: true, policySchemas: [] }), { name: 'fingerprint', sql: '' }];
  const [first, second] = splitInTwo(statements);
  const names = (xs: { name: string }[]) => xs.map((x) => x.name);

  it('puts every statement that opens tables on one backend, so each table is opened once', () => {
    for (const n of ['defaults', 'constraints', 'indexes', 'policies', 'stats', 'index_definitions']) {
      expect(names(first)).toContain(n);
      expect(names(second)).not.toContain(n);
    }
    expect(names(second)).toContain('attributes');
  });
  it('runs each statement exactly once', () => {
    expect([...names(first), ...names(second)].sort()).toEqual(names(statements).sort());
  });
});
