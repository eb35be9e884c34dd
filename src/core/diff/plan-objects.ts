import { renderGrants } from '../codegen/ddl/grants.js';
import { ident, lit, qname, qref } from '../codegen/ddl/quote.js';
import { renderIndex, renderTable } from '../codegen/ddl/table.js';
import { renderSequence, renderType } from '../codegen/ddl/objects.js';
import { UserError } from '../errors.js';
import type { Acl, DomainType, Routine, Sequence, Table, View } from '../introspect/types.js';
import { same } from './compare.js';
import { labelsOnlyAdded } from './differ.js';
import { splitStatements } from './split-sql.js';
import { PHASE, lockOn, type PlanContext } from './plan-context.js';
import { comment } from './plan-table.js';
import type { Change, ChangeOf } from './types.js';

/** Every statement of a rendered block as its own step (drivers run one statement per call). */
function addAll(ctx: PlanContext, phase: number, sql: string, o: { lock?: string; note?: string; order?: number } = {}): void {
  const lock = o.lock ?? (phase === PHASE.grant ? 'catalog only' : undefined);
  splitStatements(sql).forEach((s, i) => ctx.add({ phase, sql: s, lock, note: i === 0 ? o.note : undefined, order: o.order }));
}

const grants = (acl: Acl[], on: string, owner: string) => renderGrants(acl, on, owner).join('\n');

export function planObject(c: Change, ctx: PlanContext): void {
  switch (c.kind) {
    case 'schema': {
      const s = ident(c.name);
      if (c.action === 'add') {
        ctx.add({ phase: PHASE.schema, sql: `CREATE SCHEMA ${s};` });
        if (c.to!.comment !== undefined) comment(ctx, `SCHEMA ${s}`, c.to!.comment);
        addAll(ctx, PHASE.grant, grants(c.to!.acl, `SCHEMA ${s}`, c.to!.owner));
      } else if (c.action === 'drop') ctx.add({ phase: PHASE.dropSchema, sql: `DROP SCHEMA ${s};` });
      else comment(ctx, `SCHEMA ${s}`, c.to!.comment);
      return;
    }
    case 'extension': {
      const e = ident(c.name);
      if (c.action === 'add') {
        ctx.add({ phase: PHASE.extension, sql: `CREATE EXTENSION IF NOT EXISTS ${e} WITH SCHEMA ${ident(c.to!.schema)};`, note: 'needs the extension installed on the server' });
        if (c.to!.comment !== undefined) comment(ctx, `EXTENSION ${e}`, c.to!.comment);
      } else if (c.action === 'drop') ctx.add({ phase: PHASE.dropExtension, sql: `DROP EXTENSION ${e};`, note: 'drops every object the extension owns' });
      else {
        if (c.from!.version !== c.to!.version) ctx.add({ phase: PHASE.extension, sql: `ALTER EXTENSION ${e} UPDATE TO ${lit(c.to!.version)};` });
        if (c.from!.schema !== c.to!.schema) ctx.add({ phase: PHASE.extension, sql: `ALTER EXTENSION ${e} SET SCHEMA ${ident(c.to!.schema)};` });
        if (c.from!.comment !== c.to!.comment) comment(ctx, `EXTENSION ${e}`, c.to!.comment);
      }
      return;
    }
    case 'type': return planType(c, ctx);
    case 'enumLabels': return planEnumLabels(c, ctx);
    case 'sequence': return planSequence(c, ctx);
    case 'function': return planFunction(c, ctx);
    case 'table': return planTable(c, ctx);
    case 'view':
    case 'materializedView': return planView(c, ctx);
    case 'acl': {
      const on = c.to!.on;
      const col = c.to!.column ? ` (${ident(c.to!.column)})` : '';
      for (const a of c.from!.acl) {
        const now = c.to!.acl.find((x) => x.grantee === a.grantee && x.grantor === a.grantor);
        if (same(a, now) || (a.grantee === c.from!.owner && a.grantor === c.from!.owner)) continue;
        ctx.add({ phase: PHASE.grant, sql: `REVOKE ALL${col} ON ${on} FROM ${a.grantee === 'PUBLIC' ? 'PUBLIC' : ident(a.grantee)};`, risk: 'caution', lock: 'catalog only' });
      }
      const changed = c.to!.acl.filter((a) => !same(a, c.from!.acl.find((x) => x.grantee === a.grantee && x.grantor === a.grantor)));
      addAll(ctx, PHASE.grant, renderGrants(changed, on, c.to!.owner, c.to!.column ? ident(c.to!.column) : undefined).join('\n'));
      return;
    }
    default:
      ctx.warnings.push(`${c.summary}: not planned (unsupported change); write it by hand`);
  }
}

function planType(c: ChangeOf<'type'>, ctx: PlanContext): void {
  const name = qname(c.schema, c.name);
  const t = (c.to ?? c.from)!;
  const word = t.kind === 'domain' ? 'DOMAIN' : 'TYPE';
  if (c.action === 'add') {
    addAll(ctx, PHASE.type, renderType(c.schema, t));
    addAll(ctx, PHASE.grant, grants(t.acl, `${word} ${name}`, t.owner));
    return;
  }
  if (c.action === 'drop') { ctx.add({ phase: PHASE.dropType, sql: `DROP ${word} ${name};` }); return; }
  const a = c.from!;
  const b = c.to!;
  if (a.kind === 'domain' && b.kind === 'domain' && a.baseType === b.baseType && a.collation === b.collation) return planDomain(a, b, name, ctx);
  if (a.kind === 'enum' && b.kind === 'enum') { if (a.comment !== b.comment) comment(ctx, `TYPE ${name}`, b.comment); return; }
  if (same({ ...a, comment: undefined }, { ...b, comment: undefined })) { comment(ctx, `${word} ${name}`, b.comment); return; }
  ctx.warnings.push(`${c.summary}: the type is dropped and created again, which fails while columns use it; convert those columns by hand first`);
  ctx.add({ phase: PHASE.type, sql: `DROP ${word} ${name};`, risk: 'breaking' });
  addAll(ctx, PHASE.type, renderType(c.schema, b));
}

function planDomain(a: DomainType, b: DomainType, name: string, ctx: PlanContext): void {
  const alter = (sql: string, note?: string) => ctx.add({ phase: PHASE.type, sql: `ALTER DOMAIN ${name} ${sql};`, lock: 'SHARE on every table using the domain', note });
  if (a.default !== b.default) alter(b.default === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${b.default}`);
  if (a.notNull !== b.notNull) alter(b.notNull ? 'SET NOT NULL' : 'DROP NOT NULL', b.notNull ? 'checks every column using the domain' : undefined);
  for (const k of a.checks) if (!same(k, b.checks.find((x) => x.name === k.name))) alter(`DROP CONSTRAINT ${ident(k.name)}`);
  for (const k of b.checks) {
    if (same(k, a.checks.find((x) => x.name === k.name))) continue;
    alter(`ADD CONSTRAINT ${ident(k.name)} CHECK (${k.expression}) NOT VALID`, 'added NOT VALID, then validated outside the transaction (MS25)');
    if (k.validated) ctx.add({ phase: PHASE.type, sql: `ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${ident(k.name)};`, lock: 'SHARE UPDATE EXCLUSIVE on every table using the domain', transactional: false });
  }
  if (a.comment !== b.comment) comment(ctx, `DOMAIN ${name}`, b.comment);
}

/**
 * New labels are ADD VALUE (no rewrite; committed before later steps may use them, MS26). Removed
 * or reordered labels need a new type: the columns are converted through text under ACCESS EXCLUSIVE.
 */
function planEnumLabels(c: ChangeOf<'enumLabels'>, ctx: PlanContext): void {
  const name = qname(c.schema, c.name);
  const a = c.from!.labels;
  const b = c.to!.labels;
  if (labelsOnlyAdded(a, b)) {
    b.forEach((l, i) => {
      if (a.includes(l)) return;
      const where = i > 0 ? ` AFTER ${lit(b[i - 1]!)}` : ` BEFORE ${lit(b[1]!)}`;
      ctx.add({ phase: PHASE.enumLabels, sql: `ALTER TYPE ${name} ADD VALUE ${lit(l)}${where};`, transactional: false, lock: 'catalog only', note: 'no rewrite; runs outside the transaction so later steps can use the label (MS26)' });
    });
    return;
  }
  const old = ident(`${c.name}__tw_old`);
  ctx.warnings.push(`${c.summary}: removed or reordered labels need a new type; rows holding a removed label make the conversion fail`);
  ctx.add({ phase: PHASE.enumLabels, sql: `ALTER TYPE ${name} RENAME TO ${old};`, risk: 'breaking', lock: 'catalog only', note: 'PostgreSQL cannot remove or reorder enum labels: the type is recreated' });
  ctx.add({ phase: PHASE.enumLabels, sql: `CREATE TYPE ${name} AS ENUM (${b.map(lit).join(', ')});`, lock: 'catalog only' });
  for (const u of c.from!.usedBy) {
    const t = qname(u.schema, u.table);
    const col = ident(u.column);
    const lock = lockOn('ACCESS EXCLUSIVE', u.schema, u.table);
    if (u.default !== undefined) ctx.add({ phase: PHASE.enumLabels, sql: `ALTER TABLE ${t} ALTER COLUMN ${col} DROP DEFAULT;`, lock });
    ctx.add({ phase: PHASE.enumLabels, sql: `ALTER TABLE ${t} ALTER COLUMN ${col} TYPE ${name}${u.array ? '[]' : ''} USING ${col}::text${u.array ? '[]' : ''}::${name}${u.array ? '[]' : ''};`, lock, note: 'rewrites the table under this lock (MS10)', risk: 'breaking' });
    if (u.default !== undefined) ctx.add({ phase: PHASE.enumLabels, sql: `ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT ${u.default};`, lock });
  }
  ctx.add({ phase: PHASE.enumLabels, sql: `DROP TYPE ${qname(c.schema, `${c.name}__tw_old`)};`, lock: 'catalog only' });
}

function planSequence(c: ChangeOf<'sequence'>, ctx: PlanContext): void {
  const name = qname(c.schema, c.name);
  if (c.action === 'add') {
    const s = c.to!;
    addAll(ctx, PHASE.sequence, renderSequence(c.schema, s, { ownedBy: false }));
    if (s.ownedBy?.kind === 'serial') ctx.add({ phase: PHASE.ownedBy, sql: `ALTER SEQUENCE ${name} OWNED BY ${qref(s.ownedBy.table)}.${ident(s.ownedBy.column)};` });
    addAll(ctx, PHASE.grant, grants(s.acl, `SEQUENCE ${name}`, s.owner));
    return;
  }
  // a sequence owned by a column goes with its table or column
  if (c.action === 'drop') { ctx.add({ phase: PHASE.dropSequence, sql: `DROP SEQUENCE IF EXISTS ${name};` }); return; }
  const a = c.from! as Sequence;
  const b = c.to! as Sequence;
  const opts = (s: Sequence) => [s.type, s.start, s.increment, s.min, s.max, s.cache, s.cycle];
  if (!same(opts(a), opts(b))) ctx.add({ phase: PHASE.sequence, sql: `ALTER SEQUENCE ${name} AS ${b.type} START WITH ${b.start} INCREMENT BY ${b.increment} MINVALUE ${b.min} MAXVALUE ${b.max} CACHE ${b.cache}${b.cycle ? ' CYCLE' : ' NO CYCLE'};` });
  if (!same(a.ownedBy, b.ownedBy)) ctx.add({ phase: PHASE.ownedBy, sql: `ALTER SEQUENCE ${name} OWNED BY ${b.ownedBy?.kind === 'serial' ? `${qref(b.ownedBy.table)}.${ident(b.ownedBy.column)}` : 'NONE'};` });
  if (a.comment !== b.comment) comment(ctx, `SEQUENCE ${name}`, b.comment);
}

/** CREATE FUNCTION text: the server's own deparse when the snapshot has it, else from the parts. */
function functionSql(schema: string, f: Routine): string {
  if (f.definition) return f.definition.trim().replace(/;?$/, ';');
  if (f.kind === 'aggregate' || f.kind === 'window') throw new UserError(`function ${schema}.${f.name}: aggregates need their definition; read the source with definitions (tablewright snapshot without --lazy)`);
  const what = f.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
  const attrs = [`LANGUAGE ${f.language}`];
  if (f.kind !== 'procedure') attrs.push(f.volatility.toUpperCase(), ...(f.strict ? ['STRICT'] : []), ...(f.leakproof ? ['LEAKPROOF'] : []), `PARALLEL ${f.parallel.toUpperCase()}`);
  if (f.securityDefiner) attrs.push('SECURITY DEFINER');
  for (const [k, v] of Object.entries(f.config)) attrs.push(`SET ${k} = ${v}`);
  const tag = f.source.includes('$tw$') ? '$tw_body$' : '$tw$';
  return `CREATE OR REPLACE ${what} ${qname(schema, f.name)}(${f.args})${f.returns ? ` RETURNS ${f.returns}` : ''} ${attrs.join(' ')} AS ${tag}${f.source}${tag};`;
}

function planFunction(c: ChangeOf<'function'>, ctx: PlanContext): void {
  const f = (c.to ?? c.from)!;
  const sig = `${f.kind === 'procedure' ? 'PROCEDURE' : f.kind === 'aggregate' ? 'AGGREGATE' : 'FUNCTION'} ${qname(c.schema, f.name)}(${f.identityArgs})`;
  if (c.action === 'drop') { ctx.add({ phase: PHASE.dropFunction, sql: `DROP ${sig};` }); return; }
  if (c.action === 'alter' && (c.from!.returns !== c.to!.returns || c.from!.kind !== c.to!.kind)) {
    ctx.add({ phase: PHASE.function, sql: `DROP ${sig};`, note: 'the result type changed: CREATE OR REPLACE cannot do that; fails while something depends on the function' });
  }
  // SQL-language bodies are checked at creation, and may read tables that are created later
  if (f.language === 'sql') ctx.add({ phase: PHASE.functionSettings, sql: 'SET check_function_bodies = off;', lock: 'none' });
  ctx.add({ phase: PHASE.function, sql: functionSql(c.schema, c.to!) });
  const commentChanged = c.action === 'add' ? c.to!.comment !== undefined : c.from!.comment !== c.to!.comment;
  if (commentChanged) comment(ctx, sig, c.to!.comment);
  if (c.action === 'add') addAll(ctx, PHASE.grant, grants(c.to!.acl, sig, c.to!.owner));
}

function planTable(c: ChangeOf<'table'>, ctx: PlanContext): void {
  const name = qname(c.schema, c.name);
  if (c.action === 'add') {
    // foreign keys, triggers, policies and grants are their own changes, planned after every table exists
    const t: Table = { ...c.to!, foreignKeys: [], triggers: [], policies: [], acl: [] };
    addAll(ctx, PHASE.table, renderTable(c.schema, t));
    return;
  }
  if (c.action === 'drop') {
    ctx.add({ phase: PHASE.dropTable, sql: `DROP TABLE ${name};`, lock: lockOn('ACCESS EXCLUSIVE', c.schema, c.name), note: 'its rows are lost (BC02)' });
    return;
  }
  const a = c.from!;
  const b = c.to!;
  const lock = lockOn('ACCESS EXCLUSIVE', c.schema, c.name);
  const alter = (sql: string, note?: string, phase: number = PHASE.tableAlter) => ctx.add({ phase, sql: `ALTER TABLE ${name} ${sql};`, lock, note });
  if (a.persistence !== b.persistence) alter(b.persistence === 'unlogged' ? 'SET UNLOGGED' : 'SET LOGGED', 'rewrites the table under this lock (MS21)');
  const opts = (x: Table) => x.options;
  const gone = Object.keys(opts(a)).filter((k) => !(k in opts(b)));
  const set = Object.entries(opts(b)).filter(([k, v]) => opts(a)[k] !== v);
  if (gone.length) alter(`RESET (${gone.join(', ')})`);
  if (set.length) alter(`SET (${set.map(([k, v]) => `${k}=${v}`).join(', ')})`);
  if (a.replicaIdentity !== b.replicaIdentity) {
    const ri = b.replicaIdentity === 'index' ? `USING INDEX ${ident(b.indexes.find((i) => i.unique)?.name ?? '')}` : (b.replicaIdentity ?? 'default').toUpperCase();
    alter(`REPLICA IDENTITY ${ri}`, undefined, PHASE.rls);
  }
  if (a.rls.enabled !== b.rls.enabled) alter(`${b.rls.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, b.rls.enabled ? 'rows become invisible to roles without a policy' : undefined, PHASE.rls);
  if (a.rls.forced !== b.rls.forced) alter(`${b.rls.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`, undefined, PHASE.rls);
  if (a.comment !== b.comment) comment(ctx, `${b.kind === 'foreign' ? 'FOREIGN TABLE' : 'TABLE'} ${name}`, b.comment);
}

function viewSql(schema: string, v: View, materialized: boolean): string {
  if (v.definition === undefined) throw new UserError(`view ${schema}.${v.name} has no definition in the snapshot; read it with definitions (tablewright snapshot without --lazy)`);
  const opts = Object.entries(v.options);
  const withOpts = opts.length ? ` WITH (${opts.map(([k, x]) => `${k}=${x}`).join(', ')})` : '';
  const body = v.definition.trim().replace(/;$/, '');
  return `CREATE ${materialized ? 'MATERIALIZED ' : ''}VIEW ${qname(schema, v.name)}${withOpts} AS\n${body}${materialized ? (v.populated === false ? '\nWITH NO DATA' : '\nWITH DATA') : ''};`;
}

function planView(c: ChangeOf<'view'> | ChangeOf<'materializedView'>, ctx: PlanContext): void {
  const materialized = c.kind === 'materializedView';
  const word = materialized ? 'MATERIALIZED VIEW' : 'VIEW';
  const name = qname(c.schema, c.name);
  const depth = ctx.viewDepth(c.schema, c.name);
  const create = (v: View) => {
    ctx.add({ phase: PHASE.view, sql: viewSql(c.schema, v, materialized), order: depth, note: materialized ? 'runs the query and stores the rows' : undefined });
    for (const i of v.indexes) if (!i.constraint) ctx.add({ phase: PHASE.view, sql: renderIndex(c.schema, v.name, { ...i, definition: undefined }), order: depth });
    if (v.comment !== undefined) comment(ctx, `${word} ${name}`, v.comment);
    for (const i of v.indexes) if (i.comment !== undefined) comment(ctx, `INDEX ${qname(c.schema, i.name)}`, i.comment);
    addAll(ctx, PHASE.grant, grants(v.acl, `TABLE ${name}`, v.owner));
  };
  const drop = () => ctx.add({ phase: PHASE.dropView, sql: `DROP ${word} ${name};`, order: -depth, lock: lockOn('ACCESS EXCLUSIVE', c.schema, c.name), note: 'readers of the view fail until it is created again' });
  if (c.action === 'add') create(c.to!);
  else if (c.action === 'drop') drop();
  else if (c.rebuild) { drop(); create(c.to!); }
  else comment(ctx, `${word} ${name}`, c.to!.comment);
}

