import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../../db/connection.js';
import { UserError } from '../../errors.js';
import { refuseReason } from '../files.js';
import { parsePython } from '../python/parse.js';
import { PySyntaxError } from '../python/tokenize.js';
import { emptyBody, revisionInfo } from './revision.js';

export interface RevisionNode {
  revision: string;
  path: string;
  line: number;
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  /** no `def downgrade()`, or one that does nothing */
  downgrade: 'ok' | 'missing' | 'empty';
}

export interface AlembicStatus {
  dir: string;
  revisions: RevisionNode[];
  heads: string[];
  bases: string[];
  /** revisions with more than one child (where history forks) */
  branchPoints: { revision: string; children: string[] }[];
  merges: { revision: string; parents: string[] }[];
  /** down_revision (or depends_on) naming a revision no file defines */
  missingTargets: { revision: string; path: string; target: string; via: 'down_revision' | 'depends_on' }[];
  duplicates: { revision: string; paths: string[] }[];
  /** files that are not revisions or could not be read */
  problems: { path: string; reason: string }[];
  /** present when a connection was given */
  database?: {
    /** false when the database has no alembic_version table (never migrated) */
    hasVersionTable: boolean;
    current: string[];
    /** current revisions no file defines (a missing or renamed file) */
    unknownCurrent: string[];
    /** revisions in the files not applied to the database, in upgrade order */
    pending: string[];
  };
}

function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.') || e.name === '__pycache__') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...pyFiles(p));
    else if (e.name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** The Alembic revision graph from a versions directory, and with a connection the database's position in it. */
export async function alembicStatus(dir: string, conn?: Connection): Promise<AlembicStatus> {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UserError(`${dir}: not a directory; give the Alembic versions directory (e.g. --dir alembic/versions)`);
  }
  const status: AlembicStatus = { dir, revisions: [], heads: [], bases: [], branchPoints: [], merges: [], missingTargets: [], duplicates: [], problems: [] };
  for (const path of pyFiles(dir)) {
    const buf = readFileSync(path);
    const refused = refuseReason(buf);
    if (refused) { status.problems.push({ path, reason: refused }); continue; }
    let info;
    try {
      info = revisionInfo(parsePython(buf.toString('utf8')));
    } catch (err) {
      if (!(err instanceof PySyntaxError)) throw err;
      status.problems.push({ path, reason: `Python syntax error on line ${err.line}: ${err.message}` });
      continue;
    }
    if (info.revision === undefined) {
      if (!path.endsWith('__init__.py')) status.problems.push({ path, reason: 'no `revision = "…"`: not a revision file' });
      continue;
    }
    if (info.downUnreadable) status.problems.push({ path, reason: 'down_revision is not a string, None or a tuple of strings' });
    status.revisions.push({
      revision: info.revision, path, line: info.line, downRevisions: info.downRevisions, branchLabels: info.branchLabels, dependsOn: info.dependsOn,
      downgrade: !info.downgrade ? 'missing' : emptyBody(info.downgrade.body) ? 'empty' : 'ok',
    });
  }
  const byId = new Map<string, RevisionNode[]>();
  for (const r of status.revisions) byId.set(r.revision, [...(byId.get(r.revision) ?? []), r]);
  for (const [revision, list] of byId) if (list.length > 1) status.duplicates.push({ revision, paths: list.map((r) => r.path) });
  const children = new Map<string, string[]>();
  for (const r of status.revisions) {
    for (const d of r.downRevisions) {
      const kids = children.get(d) ?? [];
      if (!kids.includes(r.revision)) children.set(d, [...kids, r.revision]);
      if (!byId.has(d)) status.missingTargets.push({ revision: r.revision, path: r.path, target: d, via: 'down_revision' });
    }
    for (const d of r.dependsOn) if (!byId.has(d) && !status.revisions.some((x) => x.branchLabels.includes(d))) status.missingTargets.push({ revision: r.revision, path: r.path, target: d, via: 'depends_on' });
    if (r.downRevisions.length > 1) status.merges.push({ revision: r.revision, parents: r.downRevisions });
    if (!r.downRevisions.length) status.bases.push(r.revision);
  }
  const ids = [...byId.keys()];
  status.heads = ids.filter((id) => !children.has(id));
  for (const [revision, kids] of children) if (kids.length > 1 && byId.has(revision)) status.branchPoints.push({ revision, children: kids });
  if (conn) status.database = await databasePosition(conn, status, byId);
  return status;
}

/** Every revision reachable downwards from `start` (itself included). */
function ancestors(start: string[], byId: Map<string, RevisionNode[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const r of byId.get(id) ?? []) stack.push(...r.downRevisions, ...r.dependsOn);
  }
  return seen;
}

/** Revisions in upgrade order: parents before children, ties by id for a stable listing. */
function upgradeOrder(status: AlembicStatus): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const nodes = new Map(status.revisions.map((r) => [r.revision, r]));
  const visit = (id: string, path: Set<string>) => {
    if (done.has(id) || path.has(id)) return;
    path.add(id);
    for (const d of nodes.get(id)?.downRevisions ?? []) if (nodes.has(d)) visit(d, path);
    done.add(id);
    order.push(id);
  };
  for (const id of [...nodes.keys()].sort()) visit(id, new Set());
  return order;
}

async function databasePosition(conn: Connection, status: AlembicStatus, byId: Map<string, RevisionNode[]>): Promise<AlembicStatus['database']> {
  const reg = await conn.query<{ t: string | null }>("SELECT to_regclass('alembic_version')::text AS t");
  if (!reg.rows[0]?.t) return { hasVersionTable: false, current: [], unknownCurrent: [], pending: upgradeOrder(status) };
  const rows = await conn.query<{ version_num: string }>('SELECT version_num FROM alembic_version ORDER BY version_num');
  const current = rows.rows.map((r) => r.version_num);
  const applied = ancestors(current, byId);
  return {
    hasVersionTable: true,
    current,
    unknownCurrent: current.filter((c) => !byId.has(c)),
    pending: upgradeOrder(status).filter((id) => !applied.has(id)),
  };
}
