/**
 * Commands of the CLI surface (architecture.md) that later issues implement. Naming them lets the
 * prompt say "not available yet" instead of "unknown command" for something the product promises.
 */
export const PLANNED_COMMANDS: readonly string[] = [
  'snapshot', 'inspect', 'lint', 'check-migration', 'migrations', 'reflect',
  'docs',
];
