import type { ParseArgsConfig } from 'node:util';
import type { Connection } from '../core/db/connection.js';
import type { Target } from '../core/db/conninfo/types.js';
import type { PgpassProblem } from '../core/db/conninfo/pgpass.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  /** option values after parsing (common connection options included) */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** opens the connection named by the options (builds the demo on first use, with progress on stderr) */
  connect(): Promise<Connection>;
  /** the resolved target, without connecting */
  target(): { target: Target; pgpassProblem?: PgpassProblem };
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** A CLI command: argument parsing lives here, the work in core. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options?: OptionSpec;
  /** whether the common connection options apply */
  connects?: boolean;
  run(ctx: CommandContext): Promise<number>;
}
