import type { MigrationRule } from '../types.js';
import { MS01 } from './ms01-create-index-non-concurrent.js';
import { MS02 } from './ms02-drop-index-non-concurrent.js';
import { MS03 } from './ms03-non-transactional-in-transaction.js';
import { MS04 } from './ms04-add-fk-validating.js';
import { MS05 } from './ms05-add-check-validating.js';
import { MS06 } from './ms06-validate-in-same-transaction.js';
import { MS07 } from './ms07-set-not-null-scan.js';
import { MS08 } from './ms08-add-column-rewriting-default.js';
import { MS09 } from './ms09-add-column-required.js';
import { MS10 } from './ms10-column-type-rewrite.js';
import { MS11 } from './ms11-add-unique-without-index.js';
import { MS12 } from './ms12-add-pk-without-index.js';
import { MS13 } from './ms13-add-exclusion-constraint.js';
import { MS14 } from './ms14-add-auto-increment-column.js';
import { MS15 } from './ms15-add-stored-generated-column.js';
import { MS16 } from './ms16-missing-lock-timeout.js';
import { MS17 } from './ms17-missing-statement-timeout.js';
import { MS18 } from './ms18-rewrite-maintenance.js';
import { MS19 } from './ms19-reindex-non-concurrent.js';
import { MS20 } from './ms20-detach-partition-non-concurrent.js';
import { MS21 } from './ms21-set-logged-unlogged.js';
import { MS22 } from './ms22-set-tablespace-or-access-method.js';
import { MS23 } from './ms23-trigger-ddl-lock.js';
import { MS24 } from './ms24-work-under-access-exclusive.js';
import { MS25 } from './ms25-domain-constraint.js';
import { MS26 } from './ms26-enum-add-value-transaction.js';
import { MS27 } from './ms27-unbatched-backfill.js';
import { MS28 } from './ms28-truncate.js';
import { MS29 } from './ms29-repeated-alter-same-table.js';
import { BC01 } from './bc01-drop-column.js';
import { BC02 } from './bc02-drop-table.js';
import { BC03 } from './bc03-drop-schema-or-database.js';
import { BC04 } from './bc04-rename-column.js';
import { BC05 } from './bc05-rename-table.js';
import { BC06 } from './bc06-rename-schema-or-enum-value.js';
import { BC07 } from './bc07-drop-not-null.js';
import { BC08 } from './bc08-drop-integrity-constraint.js';
import { BC09 } from './bc09-type-change-client-visible.js';
import { TX01 } from './tx01-nested-transaction.js';
import { TX02 } from './tx02-uncommitted-transaction.js';
import { TX03 } from './tx03-non-idempotent-ddl.js';
import { NOT_UNDERSTOOD, SYNTAX_ERROR } from './meta.js';

/** Every migration rule (rules.md §3.1–3.3), plus the two reporting pseudo-rules. */
export const MIGRATION_RULES: readonly MigrationRule[] = [
  MS01, MS02, MS03, MS04, MS05, MS06, MS07, MS08, MS09, MS10, MS11, MS12, MS13, MS14, MS15, MS16, MS17, MS18, MS19, MS20,
  MS21, MS22, MS23, MS24, MS25, MS26, MS27, MS28, MS29,
  BC01, BC02, BC03, BC04, BC05, BC06, BC07, BC08, BC09,
  TX01, TX02, TX03,
  SYNTAX_ERROR, NOT_UNDERSTOOD,
];
