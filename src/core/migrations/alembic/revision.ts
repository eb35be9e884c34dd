import type { PyExpr, PyModule, PyStmt } from '../python/parse.js';

export interface RevisionInfo {
  revision?: string;
  /** parents: none for a base, two or more for a merge */
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  upgrade?: Extract<PyStmt, { t: 'def' }>;
  downgrade?: Extract<PyStmt, { t: 'def' }>;
  /** line of `revision = …` */
  line: number;
  /** `down_revision` is something other than a string, None or a tuple of strings */
  downUnreadable?: boolean;
}

function strings(e: PyExpr): string[] | undefined {
  if (e.t === 'const' && e.v === null) return [];
  if (e.t === 'str') return [e.v];
  if (e.t === 'list' && e.items.every((i) => i.t === 'str')) return e.items.map((i) => (i as { v: string }).v);
  return undefined;
}

/** The revision header of an Alembic migration module (`revision`, `down_revision`, …), read without running it. */
export function revisionInfo(mod: PyModule): RevisionInfo {
  const info: RevisionInfo = { downRevisions: [], branchLabels: [], dependsOn: [], line: 1 };
  for (const s of mod.body) {
    if (s.t === 'assign') {
      const v = strings(s.e);
      if (s.target === 'revision' && s.e.t === 'str') { info.revision = s.e.v; info.line = s.line; }
      if (s.target === 'down_revision') { if (v) info.downRevisions = v; else info.downUnreadable = true; }
      if (s.target === 'branch_labels' && v) info.branchLabels = v;
      if (s.target === 'depends_on' && v) info.dependsOn = v;
    }
    if (s.t === 'def' && s.name === 'upgrade') info.upgrade = s;
    if (s.t === 'def' && s.name === 'downgrade') info.downgrade = s;
  }
  return info;
}

/** A body of only `pass`, docstrings, `...` or comments does nothing. */
export const emptyBody = (body: PyStmt[]): boolean =>
  body.every((s) => s.t === 'pass' || (s.t === 'expr' && (s.e.t === 'str' || (s.e.t === 'name' && s.e.v === 'Ellipsis') || s.e.t === 'other')));
