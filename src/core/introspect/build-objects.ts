/** Build steps for types, triggers, policies and routines. */
import { parseAcl } from './acl.js';
import { attname, b, ints, n, options, POLCMD, s, TGENABLED, type BuildContext } from './build-context.js';
import type { Policy, Routine, Trigger, UserType } from './types.js';

/** Enum, domain, composite and range types. */
export function addTypes(ctx: BuildContext): void {
  const { R, classes, schemas, nsName, collName, comment, extOfObject, typeByOid } = ctx;
  // types
  for (const r of R('types')) {
    const [oid, nsoid, name, typtype, owner, acl, base, notnull, def, coll, basecoll, relid, sub, subopc, rcoll, canon, diff, multi] = r;
    const sch = schemas[nsName.get(n(nsoid)) ?? ''];
    if (!sch) continue;
    const common = { name: s(name), owner: s(owner), acl: parseAcl(acl as string[]) } as { name: string; owner: string; acl: ReturnType<typeof parseAcl>; comment?: string; extension?: string };
    const cmt = comment('pg_type', n(oid));
    if (cmt !== undefined) common.comment = cmt;
    const ext = extOfObject('pg_type', n(oid));
    if (ext) common.extension = ext;
    let t: UserType | undefined;
    if (typtype === 'e') t = { kind: 'enum', ...common, labels: [] };
    else if (typtype === 'd') {
      t = { kind: 'domain', ...common, baseType: s(base), notNull: b(notnull), checks: [] };
      if (def !== null) t.default = s(def);
      if (n(coll) !== 0 && n(coll) !== n(basecoll)) t.collation = collName.get(n(coll));
    } else if (typtype === 'c') {
      t = { kind: 'composite', ...common, columns: classes.get(n(relid))?.columns ?? [] };
    } else if (typtype === 'r') {
      t = { kind: 'range', ...common, subtype: s(sub) };
      if (subopc) t.subtypeOpclass = s(subopc);
      if (n(rcoll) !== 0) t.collation = collName.get(n(rcoll));
      if (canon) t.canonical = s(canon);
      if (diff) t.subtypeDiff = s(diff);
      if (multi) t.multirange = s(multi);
    }
    if (!t) continue;
    sch.types[t.name] = t;
    typeByOid.set(n(oid), t);
  }
  for (const [typid, label] of R('enums')) {
    const t = typeByOid.get(n(typid));
    if (t?.kind === 'enum') t.labels.push(s(label));
  }
}

/** User triggers (clones on partitions are left out). */
export function addTriggers(ctx: BuildContext): void {
  const { R, classes, comment, triggerByOid } = ctx;
  // triggers
  for (const [oid, rel, name, fn, tgtype, enabled, isConstraint, isClone, attrs] of R('triggers')) {
    if (b(isClone)) continue;
    const cls = classes.get(n(rel));
    const t = cls?.target;
    if (!cls || !t || !('triggers' in t)) continue;
    const bits = n(tgtype);
    const events: Trigger['events'] = [];
    if (bits & 4) events.push('INSERT');
    if (bits & 16) events.push('UPDATE');
    if (bits & 8) events.push('DELETE');
    if (bits & 32) events.push('TRUNCATE');
    const tr: Trigger = {
      name: s(name), timing: bits & 64 ? 'INSTEAD OF' : bits & 2 ? 'BEFORE' : 'AFTER', events, level: bits & 1 ? 'ROW' : 'STATEMENT',
      function: s(fn), enabled: TGENABLED[s(enabled)] ?? 'origin', constraint: b(isConstraint),
    };
    const cols = ints(attrs).map((k) => attname(cls, k));
    if (cols.length) tr.columns = cols;
    const cmt = comment('pg_trigger', n(oid));
    if (cmt !== undefined) tr.comment = cmt;
    t.triggers.push(tr);
    triggerByOid.set(n(oid), tr);
  }
}

/** Row-level security policies, also those on hidden platform tables. */
export function addPolicies(ctx: BuildContext): void {
  const { R, tables, comment, platformPolicies } = ctx;
  // policies (also those of hidden platform tables, which are user intent)
  const platformTables = new Map<number, { name: string; rls: { enabled: boolean; forced: boolean } }>();
  for (const [oid, nsp, name, enabled, forced] of R('platform_tables')) {
    platformTables.set(n(oid), { name: `${s(nsp)}.${s(name)}`, rls: { enabled: b(enabled), forced: b(forced) } });
  }
  for (const [rel, name, cmd, permissive, roles, qual, check, oid] of R('policies')) {
    const p: Policy = { name: s(name), command: POLCMD[s(cmd)] ?? 'ALL', permissive: b(permissive), roles: [...(roles as string[])].sort() };
    if (qual !== null) p.using = s(qual);
    if (check !== null) p.withCheck = s(check);
    const cmt = comment('pg_policy', n(oid));
    if (cmt !== undefined) p.comment = cmt;
    const t = tables.get(n(rel));
    if (t) { t.policies.push(p); continue; }
    const key = platformTables.get(n(rel));
    if (key) (platformPolicies[key.name] ??= { rls: key.rls, policies: [] }).policies.push(p);
  }
}

/** Functions, procedures, aggregates and window functions, keyed `name(identity args)`. */
export function addRoutines(ctx: BuildContext): void {
  const { R, schemas, nsName, comment, extOfObject, routineByOid } = ctx;
  // functions
  for (const r of R('functions')) {
    const [oid, nsoid, name, kind, ident, args, result, retset, lang, vol, strict, secdef, leak, par, config, src, owner, acl] = r;
    const sch = schemas[nsName.get(n(nsoid)) ?? ''];
    if (!sch) continue;
    const fn: Routine = {
      name: s(name), kind: kind === 'p' ? 'procedure' : kind === 'a' ? 'aggregate' : kind === 'w' ? 'window' : 'function',
      identityArgs: s(ident), args: s(args), returnsSet: b(retset), language: s(lang),
      volatility: vol === 'i' ? 'immutable' : vol === 's' ? 'stable' : 'volatile', strict: b(strict), securityDefiner: b(secdef),
      leakproof: b(leak), parallel: par === 's' ? 'safe' : par === 'r' ? 'restricted' : 'unsafe', config: options(config),
      source: s(src ?? ''), owner: s(owner), acl: parseAcl(acl as string[]),
    };
    if (kind !== 'p' && result !== null) fn.returns = s(result);
    const cmt = comment('pg_proc', n(oid));
    if (cmt !== undefined) fn.comment = cmt;
    const ext = extOfObject('pg_proc', n(oid));
    if (ext) fn.extension = ext;
    sch.functions[`${fn.name}(${fn.identityArgs})`] = fn;
    routineByOid.set(n(oid), fn);
  }
}
