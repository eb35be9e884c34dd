import type { Command } from '../command.js';
import { statusCommand } from './status.js';

/** Every CLI command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [statusCommand];
