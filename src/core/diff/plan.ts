import type { SchemaSnapshot } from '../introspect/types.js';
import { ident, qname } from '../codegen/ddl/quote.js';
import { NEW_OBJECT, PHASE, type PlanContext, type PlannedStep } from './plan-context.js';
import { enumSummary } from './differ.js';
import { planObject } from './plan-objects.js';
import { planTablePart } from './plan-table.js';
import type { Change, MigrationPlan, MigrationStep, PlanOptions } from './types.js';

/** The change that undoes `c`. */
export function invertChange(c: Change): Change {
  const flip = { add: 'drop', drop: 'add', alter: 'alter', rename: 'rename' } as const;
  const inv = { ...c, action: flip[c.action], from: c.to, to: c.from } as Change;
  if (c.action === 'rename') {
    inv.name = c.newName!;
    inv.newName = c.name;
    // a renamed column's table is already called by its new name when the column is renamed back
    inv.summary = `rename ${c.kind} ${c.schema}.${c.table ? `${c.table}.` : ''}${c.newName} → ${c.name}`;
  } else if (c.kind === 'enumLabels') inv.summary = enumSummary(c.schema, c.name, c.to!.labels, c.from!.labels);
  else inv.summary = c.summary.replace(/^(add|drop)\b/, (m) => (m === 'add' ? 'drop' : 'add'));
  return inv;
}

function depthOf(views: Map<string, string[]>): (schema: string, name: string) => number {
  const memo = new Map<string, number>();
  const depth = (q: string, seen: Set<string>): number => {
    if (memo.has(q)) return memo.get(q)!;
    if (seen.has(q)) return 0;
    seen.add(q);
    const d = 1 + Math.max(0, ...(views.get(q) ?? []).filter((x) => views.has(x)).map((x) => depth(x, seen)));
    memo.set(q, d);
    return d;
  };
  return (schema, name) => depth(`${schema}.${name}`, new Set());
}

function viewGraph(changes: Change[]): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const c of changes) {
    if (c.kind !== 'view' && c.kind !== 'materializedView') continue;
    for (const v of [c.from, c.to]) if (v) g.set(`${c.schema}.${c.name}`, [...(g.get(`${c.schema}.${c.name}`) ?? []), ...v.dependsOn]);
  }
  return g;
}

function planSteps(changes: Change[], o: { pgVersion: number; down: boolean; warnings: string[] }): MigrationStep[] {
  const steps: PlannedStep[] = [];
  let seq = 0;
  const ctx: PlanContext = {
    pgVersion: o.pgVersion,
    down: o.down,
    warnings: o.warnings,
    viewDepth: depthOf(viewGraph(changes)),
    current: changes[0]!,
    add(s) {
      steps.push({ ...s, transactional: s.transactional ?? true, lock: s.lock ?? NEW_OBJECT, risk: s.risk ?? ctx.current.risk, note: s.note, order: s.order ?? 0, change: ctx.current.summary, seq: seq++ } as PlannedStep & { seq: number });
    },
  };
  for (const c of changes) {
    ctx.current = c;
    if (c.action === 'rename') planRename(c, ctx);
    else if (c.table !== undefined || c.kind === 'column') planTablePart(c, ctx);
    else planObject(c, ctx);
  }
  const withSeq = steps as (PlannedStep & { seq: number })[];
  withSeq.sort((a, b) => a.phase - b.phase || a.order - b.order || a.seq - b.seq);
  // session settings (check_function_bodies) are needed once, however many functions ask
  const settings = new Set<string>();
  const once = withSeq.filter((x) => !x.sql.startsWith('SET ') || (!settings.has(x.sql) && !!settings.add(x.sql)));
  return once.map(({ phase: _p, order: _o, seq: _s, ...s }) => s);
}


function planRename(c: Change, ctx: PlanContext): void {
  const phase = ctx.down ? PHASE.renameDown : PHASE.renameUp;
  const t = c.table !== undefined ? qname(c.schema, c.table) : '';
  const lock = (table: string) => ({ lock: `ACCESS EXCLUSIVE on ${c.schema}.${table}` });
  switch (c.kind) {
    case 'table':
      ctx.add({ phase, sql: `ALTER TABLE ${qname(c.schema, c.name)} RENAME TO ${ident(c.newName!)};`, ...lock(c.name), note: 'renaming breaks running code that uses the old name (BC05): deploy code that handles both first' });
      break;
    case 'column':
      ctx.add({ phase, sql: `ALTER TABLE ${t} RENAME COLUMN ${ident(c.name)} TO ${ident(c.newName!)};`, ...lock(c.table!), note: 'renaming breaks running code that uses the old name (BC04)' });
      break;
    case 'index':
      ctx.add({ phase, sql: `ALTER INDEX ${qname(c.schema, c.name)} RENAME TO ${ident(c.newName!)};`, ...lock(c.table!) });
      break;
    default:
      ctx.add({ phase, sql: `ALTER TABLE ${t} RENAME CONSTRAINT ${ident(c.name)} TO ${ident(c.newName!)};`, ...lock(c.table!) });
  }
}

/** The server major version a plan targets: given, else the source snapshot's, else 16. */
const majorOf = (s?: SchemaSnapshot) => (s?.server?.versionNum ? Math.floor(s.server.versionNum / 10000) : undefined);

/**
 * Changes → ordered steps for upgrade and downgrade. The downgrade plans the inverted changes, so
 * it undoes every step, including types and sequences the upgrade created.
 */
export function planMigration(changes: Change[], opts: PlanOptions = {}): MigrationPlan {
  const pgVersion = opts.pgVersion ?? majorOf(opts.fromSnapshot) ?? 16;
  const warnings: string[] = [];
  if (!changes.length) return { upgrade: [], downgrade: [], warnings, pgVersion };
  const upgrade = planSteps(changes, { pgVersion, down: false, warnings });
  const downgrade = planSteps([...changes].reverse().map(invertChange), { pgVersion, down: true, warnings: [] });
  const timeout = opts.lockTimeout ?? '5s';
  const locks = (s: MigrationStep[]) => s.some((x) => x.lock.includes(' on '));
  const prefix = (s: MigrationStep[]): MigrationStep[] => (timeout && locks(s) ? [{ sql: `SET lock_timeout = '${timeout}';`, lock: 'none', transactional: true, risk: 'safe', change: 'lock timeout', note: 'fail fast instead of queueing behind long transactions (MS16)' }, ...s] : s);
  return { upgrade: prefix(upgrade), downgrade: prefix(downgrade), warnings, pgVersion };
}

