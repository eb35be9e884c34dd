import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { writeAtomic } from '../codegen/files.js';
import { UserError } from '../errors.js';

/** A result as the grid holds it: cells are already text (psql's rendering), NULL stays null. */
export interface ResultTable {
  columns: string[];
  rows: (string | null)[][];
}

export type ExportFormat = 'csv' | 'tsv' | 'json';
const EXPORT_FORMATS: Record<string, ExportFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json' };

/** RFC 4180: quote a field holding a comma, quote, CR or LF (or leading/trailing space, for spreadsheets); double the quotes. */
export function csvField(v: string | null): string {
  if (v === null) return '';
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// COPY's text format escapes: a TSV stays one record per line whatever the cells hold
const tsvField = (v: string | null): string => (v === null ? '' : v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!));

const csvLine = (cells: (string | null)[]) => cells.map(csvField).join(',');

/** CSV with a header line, CRLF line ends as RFC 4180 says; NULL is an empty field. */
export function toCsv(t: ResultTable): string {
  return [csvLine(t.columns), ...t.rows.map(csvLine)].map((l) => `${l}\r\n`).join('');
}

export function toTsv(t: ResultTable): string {
  return [t.columns, ...t.rows].map((r) => `${r.map(tsvField).join('\t')}\n`).join('');
}

/** Object keys for the columns: `select 1 as a, 2 as a` would lose a value, so repeats get `_2`, `_3`. */
export function jsonKeys(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
}

export function rowObject(columns: string[], row: (string | null)[]): Record<string, string | null> {
  const keys = jsonKeys(columns);
  return Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null]));
}

/** An array of objects, one per row; values are the grid's text, NULL is null. */
export function toJson(t: ResultTable): string {
  return JSON.stringify(t.rows.map((r) => rowObject(t.columns, r)), null, 2) + '\n';
}

/** One row with its header, for the clipboard. */
export const rowCsv = (t: ResultTable, row: number): string => toCsv({ columns: t.columns, rows: [t.rows[row]!] });
export const rowJson = (t: ResultTable, row: number): string => JSON.stringify(rowObject(t.columns, t.rows[row]!), null, 2);

export function formatOf(path: string): ExportFormat {
  const f = EXPORT_FORMATS[extname(path).toLowerCase()];
  if (!f) throw new UserError(`cannot tell the format of ${path}: end the file name in .csv, .tsv or .json`);
  return f;
}

export function formatResult(t: ResultTable, f: ExportFormat): string {
  return f === 'csv' ? toCsv(t) : f === 'tsv' ? toTsv(t) : toJson(t);
}

/**
 * Writes a result to `path` (format from the extension) through a temporary file and a rename.
 * An existing file is only replaced when `overwrite` says so; the caller asks the user first.
 */
export function exportResult(t: ResultTable, path: string, o: { overwrite?: boolean } = {}): { path: string; format: ExportFormat; rows: number; bytes: number } {
  const format = formatOf(path);
  if (!o.overwrite && existsSync(path)) throw new UserError(`${path} already exists; add --force to replace it, or choose another name`);
  const text = formatResult(t, format);
  try {
    writeAtomic(path, text);
  } catch (err) {
    throw new UserError(`cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); choose a writable directory`);
  }
  return { path, format, rows: t.rows.length, bytes: Buffer.byteLength(text) };
}
