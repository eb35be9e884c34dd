import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/db/connection.js';
import { openEmptyEmbedded } from '../helpers/demo.js';
import { CORPUS } from './corpus.js';
import { replay } from './replay.js';
import { renderAlembicRevision } from '../../src/core/diff/index.js';
import { checkMigrationText } from '../../src/core/migrations/index.js';

/** Rules whose safe forms the planner promises: check-migration must never raise them on its output. */
const SAFE_FORM_RULES = ['MS01', 'MS02', 'MS03', 'MS04', 'MS05', 'MS06', 'MS07', 'MS09', 'MS11', 'MS12', 'MS16', 'MS26', 'TX01', 'TX02'];

describe('diff replay proof on PGlite: A + upgrade = B, B + downgrade = A', () => {
  let db: Awaited<ReturnType<typeof openEmptyEmbedded>>;
  let conn: Connection;
  beforeAll(async () => {
    db = await openEmptyEmbedded();
    conn = db.conn;
  }, 180_000);
  afterAll(async () => db?.cleanup());

  it('the safety check is live: the unsafe spellings the planner avoids are flagged', async () => {
    const unsafe = 'CREATE INDEX i ON public.t (a);\nALTER TABLE public.t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES public.u (id);\nALTER TABLE public.t ALTER COLUMN a SET NOT NULL;';
    const ids = (await checkMigrationText('unsafe.sql', unsafe, { pgVersion: 18 })).map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['MS01', 'MS04', 'MS07', 'MS16']));
  });

  for (const c of CORPUS.filter((x) => x.only !== 'server')) {
    it(c.name, async () => {
      const r = await replay(conn, c, 18);
      // the same plan, checked by Tablewright's own migration rules, as SQL and as an Alembic revision
      const alembic = renderAlembicRevision(r.plan, { revision: 'r1', downRevision: null, message: c.name });
      for (const [path, text] of [['upgrade.sql', r.sql.upgrade], ['downgrade.sql', r.sql.downgrade], ['rev.py', alembic]] as const) {
        const findings = await checkMigrationText(path, text, { snapshot: path === 'downgrade.sql' ? r.b : r.a, pgVersion: 18 });
        expect(findings.filter((f) => SAFE_FORM_RULES.includes(f.ruleId) && !c.allowRules?.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`), text).toEqual([]);
      }
    }, 60_000);
  }
});
