import type { MigrationPlan, RenameCandidate, Risk } from '../../core/diff/types.js';

export interface DiffRow { summary: string; risk: Risk }

/** The Diff view: the live database against a `.sql`, snapshot or other source, as changes with their risk. */
export interface DiffState {
  open: boolean;
  busy: boolean;
  /** what is compared, for the title: `live → schema.sql` */
  title: string;
  rows: DiffRow[];
  /** look-alike drop + add pairs still waiting for a decision */
  candidates: RenameCandidate[];
  /** `--rename` values the user confirmed here */
  renames: string[];
  /** the user declined every remaining candidate (drop + add) */
  noRenames: boolean;
  plan: MigrationPlan | null;
  format: 'sql' | 'alembic';
  cursor: number;
  error?: string;
  /** the file last written */
  written?: string;
}

export const initialDiff = (): DiffState => ({
  open: false, busy: false, title: '', rows: [], candidates: [], renames: [], noRenames: false, plan: null, format: 'sql', cursor: 0,
});
