import type { Table } from '../../introspect/types.js';

/** Text safe inside a `"""` docstring: one line, backslashes doubled, no closing quotes. */
const docText = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');

/**
 * A class docstring listing the table's row-level security and policies (Supabase mode): the
 * model cannot enforce them, but whoever writes queries against it should see them.
 */
export function policyDocstring(t: Table): string[] {
  if (!t.rls.enabled && !t.policies.length) return [];
  const state = `Row-level security: ${t.rls.enabled ? `enabled${t.rls.forced ? ' (forced)' : ''}` : 'disabled'}`;
  if (!t.policies.length) return [`    """${state}; no policies, so only the owner and BYPASSRLS roles see rows."""`, ''];
  const lines = [`    """${state}; policies (enforced by the database, not by this model):`, ''];
  for (const p of [...t.policies].sort((a, b) => a.name.localeCompare(b.name))) {
    const parts = [`${p.permissive ? '' : 'restrictive '}${p.command} to ${p.roles.join(', ')}`];
    if (p.using) parts.push(`using (${p.using})`);
    if (p.withCheck) parts.push(`with check (${p.withCheck})`);
    lines.push(`    - ${docText(p.name)}: ${docText(parts.join(' '))}`);
  }
  lines.push('    """', '');
  return lines;
}
