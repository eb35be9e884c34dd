import type { Output, TableBlock } from '../../commands/output.js';
import { rowCsv, rowJson, type ResultTable } from '../../core/export/result-format.js';
import type { Layout } from '../layout.js';
import type { AppState, ResultState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { osc52, OSC52_MAX_BYTES } from '../terminal/clipboard.js';
import { resultGrid, type GridStop } from './result-grid.js';

export interface ResultHost {
  layout(): Layout;
  message(text: string, tone?: 'info' | 'ok' | 'warn' | 'error'): void;
  writeTerminal(s: string): void;
  env: NodeJS.ProcessEnv;
  /** opens the command line with this text typed */
  openPrompt(initial: string): void;
}

export const newResult = (title: string, output: Output): ResultState => ({ title, output, scrollX: 0, scrollY: 0, row: 0, col: 0 });

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The result grid: a cell cursor over the data rows (j/k, h/l), the view following it, copy of a
 * cell or a row (CSV/JSON) over OSC 52, and export to a file through the `export` command.
 * Text results (no table) just scroll.
 */
export class ResultActions {
  readonly #store: Store<AppState>;
  readonly #host: ResultHost;

  constructor(store: Store<AppState>, host: ResultHost) {
    this.#store = store;
    this.#host = host;
  }

  /** Rows by `dy`; `dx` moves a column in a table, or scrolls text by characters. */
  move(dy: number, dx = 0): void {
    const r = this.#store.get().result;
    if (!r) return;
    const g = resultGrid(r.output);
    const { resultRows: view, width } = this.#host.layout();
    const viewW = width - 4;
    const maxX = Math.max(0, g.width - viewW);
    const maxY = Math.max(0, g.lines.length - view);
    if (!g.stops.length) {
      this.#set({ ...r, scrollY: clamp(r.scrollY + dy, 0, maxY), scrollX: clamp(r.scrollX + dx, 0, maxX) });
      return;
    }
    const row = clamp(r.row + dy, 0, g.stops.length - 1);
    const stop = g.stops[row]!;
    // the top row brings the title and header into view, the last one the footer
    let scrollY = row === 0 ? 0 : row === g.stops.length - 1 ? maxY : r.scrollY;
    if (stop.line < scrollY) scrollY = stop.line;
    if (stop.line >= scrollY + view) scrollY = stop.line - view + 1;
    const cols = g.cols.get(stop.block);
    let { col, scrollX } = r;
    if (stop.col !== undefined || !cols) scrollX = clamp(scrollX + dx, 0, maxX);
    else {
      col = clamp(col + Math.sign(dx), 0, cols.length - 1);
      const c = cols[col]!;
      if (c.x < scrollX) scrollX = c.x;
      else if (c.x + c.w > scrollX + viewW) scrollX = Math.min(c.x, c.x + c.w - viewW);
    }
    this.#set({ ...r, row, col, scrollY: clamp(scrollY, 0, maxY), scrollX });
  }

  /** The cursor's block, row and column, or undefined for a text result. */
  cursor(r: ResultState | null = this.#store.get().result): { stop: GridStop; table: ResultTable; col: number } | undefined {
    if (!r) return undefined;
    const stop = resultGrid(r.output).stops[r.row];
    const block = stop && (r.output.blocks[stop.block] as TableBlock | undefined);
    if (!stop || block?.kind !== 'table') return undefined;
    return { stop, table: block, col: stop.col ?? Math.min(r.col, block.columns.length - 1) };
  }

  /** y: the cell's text · Y: the row as CSV with its header · J: the row as a JSON object. */
  copy(what: 'cell' | 'csv' | 'json'): void {
    const c = this.cursor();
    if (!c) return this.#host.message('nothing to copy: this result has no rows', 'info');
    const { table, stop, col } = c;
    const cell = table.rows[stop.row]![col] ?? null;
    const text = what === 'cell' ? (cell ?? '') : what === 'csv' ? rowCsv(table, stop.row) : rowJson(table, stop.row);
    if (Buffer.byteLength(text) > OSC52_MAX_BYTES) return this.#host.message(`the ${what === 'cell' ? 'cell' : 'row'} is too long for the terminal clipboard (OSC 52); E exports the result to a file`, 'warn');
    this.#host.writeTerminal(osc52(text, this.#host.env));
    const label = what === 'cell' ? `${table.columns[col]} of row ${stop.row + 1}${cell === null ? ' (NULL, copied as empty)' : ''}` : `row ${stop.row + 1} as ${what.toUpperCase()}`;
    this.#host.message(`copied ${label}`, 'ok');
  }

  /** E: the command line with `export ` typed; the user adds the file name (.csv, .tsv or .json). */
  startExport(): void {
    if (!this.cursor()) return this.#host.message('nothing to export: this result has no rows', 'info');
    this.#host.openPrompt('export ');
  }

  #set(r: ResultState): void {
    this.#store.set({ result: r });
  }
}
