import { describe, expect, it } from 'vitest';
import { checkMigrationText, parseSqlText } from '../../src/core/migrations/index.js';

/**
 * squawk's fix round trip: the SQL a finding proposes must parse with the real parser and must not
 * trigger the same rule again.
 */
const CASES: [rule: string, sql: string][] = [
  ['MS01', 'CREATE INDEX users_email_idx ON users (email);'],
  ['MS01', 'CREATE UNIQUE INDEX users_lower_email ON app.users (lower(email)) WHERE deleted_at IS NULL;'],
  ['MS02', 'DROP INDEX users_email_idx;'],
  ['MS04', 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);'],
  ['MS05', 'ALTER TABLE orders ADD CONSTRAINT orders_amount_pos CHECK (amount > 0 AND (currency IS NOT NULL));'],
  ['MS07', 'ALTER TABLE "Order" ALTER COLUMN "user" SET NOT NULL;'],
  ['MS11', 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);'],
  ['MS12', 'ALTER TABLE events ADD PRIMARY KEY (id);'],
  ['MS16', 'ALTER TABLE users ADD COLUMN nickname text;'],
  ['MS19', 'REINDEX TABLE users;'],
  ['TX02', 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;'],
];

describe('proposed SQL fixes parse and re-check clean', () => {
  for (const [rule, sql] of CASES) {
    it(`${rule}: ${sql.split('\n')[0]}`, async () => {
      const [f] = (await checkMigrationText('m.sql', sql)).filter((x) => x.ruleId === rule);
      expect(f?.fix?.sql, 'the finding proposes SQL').toBeTruthy();
      // TX02's fix is a suffix; the others replace the statement
      const fixed = rule === 'TX02' ? `${sql}\n${f!.fix!.sql}` : f!.fix!.sql!;
      expect(parseSqlText(fixed).syntaxErrors).toEqual([]);
      // checked as one autocommit file: each step is its own transaction, as the fix says
      const again = await checkMigrationText('m.sql', fixed);
      expect(again.filter((x) => x.ruleId === rule), fixed).toEqual([]);
      // and splitting the steps into transactions never trips the same-transaction rules
      expect(again.filter((x) => x.ruleId === 'MS06' || x.ruleId === 'MS03'), fixed).toEqual([]);
    });
  }
});
