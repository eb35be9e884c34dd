import type { Connection } from '../db/connection.js';
import type { MigrationStep } from '../diff/index.js';
import { UserError } from '../errors.js';

export interface ApplyResult {
  statements: number;
  /** alembic_version moved from the head to the new revision in the same transaction */
  stamped?: string;
}

/**
 * Runs the design's upgrade in one transaction: all of it or none (steps the planner marks
 * non-transactional, such as CONCURRENTLY, run after the commit). When the database's alembic_version sits at the revision the
 * new one follows, it is moved along, so a later `alembic upgrade head` does not create the table twice.
 */
export async function applyDesign(conn: Connection, steps: MigrationStep[], o: { revision: string; downRevision?: string }): Promise<ApplyResult> {
  if (conn.readOnly) throw new UserError('the connection is read-only: turn write mode on (--write, or W in the app) to apply the migration');
  return conn.withSession(async (s) => {
    await s.query('BEGIN');
    let current = '';
    let committed = false;
    try {
      for (const step of steps.filter((x) => x.transactional)) {
        current = step.sql;
        await s.query(step.sql);
      }
      let stamped: string | undefined;
      const hasVersion = (await s.query<{ t: string | null }>("SELECT to_regclass('alembic_version')::text AS t")).rows[0]?.t;
      if (hasVersion && o.downRevision) {
        const r = await s.query('UPDATE alembic_version SET version_num = $1 WHERE version_num = $2', [o.revision, o.downRevision]);
        if (r.rowCount === 1) stamped = o.revision;
      }
      await s.query('COMMIT');
      committed = true;
      for (const step of steps.filter((x) => !x.transactional)) {
        current = step.sql;
        await s.query(step.sql);
      }
      return { statements: steps.length, ...(stamped ? { stamped } : {}) };
    } catch (err) {
      if (!committed) await s.query('ROLLBACK').catch(() => {});
      const msg = String((err as Error)?.message ?? err).split('\n')[0];
      throw new UserError(`the migration failed at "${current.split('\n')[0]}": ${msg}; ${committed ? 'the table was created; run the remaining steps of the migration by hand' : 'nothing was changed'}`);
    }
  });
}
