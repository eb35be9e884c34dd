import type { LintResult, Rule } from '../../core/rules/types.js';
import type { CommandContext } from '../command.js';
import type { FindingsFormat } from '../option-values.js';
import { toolVersion } from '../version.js';

/** Prints findings as `lint` and `check-migration` both do: JSON, SARIF or text (formatters loaded on use). */
export async function printFindings(ctx: CommandContext, result: LintResult, o: { format: FindingsFormat; rules: readonly Rule[]; artifact?: string }): Promise<void> {
  const version = toolVersion();
  if (o.format === 'json') {
    const { findingsJson } = await import('./findings-json.js');
    ctx.out(findingsJson(result, version));
  } else if (o.format === 'sarif') {
    const { findingsSarif } = await import('./findings-sarif.js');
    ctx.out(findingsSarif(result, o.rules, version, { artifact: o.artifact }));
  } else {
    const { findingsText } = await import('./findings-text.js');
    ctx.out(findingsText(result, { color: !!process.stdout.isTTY && !ctx.env.NO_COLOR }));
  }
}
