import { exportResult } from '../core/export/result-format.js';
import { userPath } from '../core/paths.js';
import { errorOutput, type Output, type TableBlock } from './output.js';

export const firstTable = (o: Output | undefined): TableBlock | undefined => o?.blocks.find((b): b is TableBlock => b.kind === 'table');

/** `export FILE [--force]`: the last result's first table to a .csv, .tsv or .json file. */
export function exportLast(last: Output | undefined, args: string[]): Output {
  const force = args.includes('--force') || args.includes('-f');
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) return errorOutput('export needs a file name ending in .csv, .tsv or .json, e.g. export orders.csv');
  const table = firstTable(last);
  if (!table) return errorOutput('nothing to export yet: run a query first (its rows are what export writes)');
  const path = userPath(file);
  const r = exportResult(table, path, { overwrite: force });
  return { blocks: [], status: `wrote ${r.rows} row${r.rows === 1 ? '' : 's'} as ${r.format.toUpperCase()} to ${r.path} (${r.bytes} bytes)` };
}
