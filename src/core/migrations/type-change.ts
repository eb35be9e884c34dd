import type { TypeInfo } from './ast.js';

/**
 * Whether ALTER COLUMN TYPE from `from` to `to` is catalog-only (no rewrite, no index rebuild):
 * strong_migrations' safe list, confirmed by replay on PostgreSQL 15 (rules.md §4, §9).
 */
export function typeChangeIsSafe(from: TypeInfo, to: TypeInfo, utcSession: boolean): boolean {
  if (from.array !== to.array) return false;
  if (from.name === to.name) {
    if (!to.mods.length) return ['varchar', 'numeric', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval', 'varbit', 'bit varying'].includes(to.name) || !from.mods.length;
    if (!from.mods.length) return false;
    if (to.name === 'varchar' || to.name === 'varbit') return to.mods[0]! >= from.mods[0]!;
    if (to.name === 'numeric') return (to.mods[1] ?? 0) === (from.mods[1] ?? 0) && to.mods[0]! >= from.mods[0]!;
    if (['timestamp', 'timestamptz', 'time', 'timetz', 'interval'].includes(to.name)) return to.mods[0]! >= from.mods[0]!;
    return from.mods.join() === to.mods.join();
  }
  // citext → text is catalog-only only when no index uses the column (strong_migrations); not known here, so not listed
  if (from.name === 'varchar' && to.name === 'text') return true;
  if (from.name === 'text' && to.name === 'varchar' && !to.mods.length) return true;
  if (from.name === 'cidr' && to.name === 'inet') return true;
  const tsPair = new Set([from.name, to.name]);
  if (tsPair.has('timestamp') && tsPair.has('timestamptz') && utcSession) return (to.mods[0] ?? 6) >= (from.mods[0] ?? 6);
  return false;
}
