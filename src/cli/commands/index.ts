import type { Command } from '../command.js';
import { replCommand } from './repl.js';
import { statusCommand } from './status.js';
import { snapshotCommand } from './snapshot.js';
import { inspectCommand } from './inspect.js';
import { lintCommand } from './lint.js';
import { checkMigrationCommand } from './check-migration.js';
import { migrationsCommand } from './migrations.js';
import { docsCommand } from './docs.js';
import { reflectCommand } from './reflect.js';
import { explainCommand } from './explain.js';
import { newTableCommand } from './new-table.js';
import { analyzeCommand } from './analyze.js';
import { diffCommand } from './diff.js';

/** Every CLI command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [replCommand, statusCommand, lintCommand, checkMigrationCommand, migrationsCommand, docsCommand, reflectCommand, newTableCommand, diffCommand, explainCommand, analyzeCommand, snapshotCommand, inspectCommand];
