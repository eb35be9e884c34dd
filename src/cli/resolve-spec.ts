import { resolveTarget, type ResolveContext } from '../core/db/conninfo/resolve.js';
import type { Target } from '../core/db/conninfo/types.js';
import { readUserConfig } from '../commands/user-config.js';

/**
 * What `connect SPEC` at the prompt names: `demo`, a saved connection from config.json, or a
 * conninfo (URL or keyword string) resolved like --url, so PG* variables and ~/.pgpass still apply.
 */
export function resolveSpec(spec: string, ctx: ResolveContext): Target {
  const s = spec.trim();
  if (s === 'demo') return resolveTarget({ demo: true }, ctx).target;
  const saved = readUserConfig(ctx.env).config.connections?.[s];
  return resolveTarget({ url: saved ?? s }, ctx).target;
}
