/**
 * What a prompt line produced, as data: the TUI draws it as a grid, the line REPL prints it as
 * psql-style text. Cells are already strings (null stays null) so both agree on formatting.
 */
export interface TableBlock {
  kind: 'table';
  title?: string;
  columns: string[];
  rows: (string | null)[][];
  /** lines printed under the table (indexes, constraints, "(3 rows)") */
  footer?: string[];
}

export interface TextBlock {
  kind: 'text';
  text: string;
}

export type Block = TableBlock | TextBlock;

export interface Output {
  blocks: Block[];
  /** one line for the message area: "3 rows in 2.1 ms", "expanded display is on" */
  status?: string;
  /** the line failed; `error` is a one-line message and `errorAt` the SQL marker, if any */
  error?: string;
  errorAt?: SqlPosition;
  /** the failure was the server going away, not the statement */
  connectionLost?: boolean;
  /** records rather than columns (psql's \x) */
  expanded?: boolean;
}

/** Where in the submitted SQL the server said the error was. */
export interface SqlPosition {
  sql: string;
  /** 0-based character offset */
  offset: number;
  line: number;
  column: number;
}

export const textOutput = (text: string, status?: string): Output => ({ blocks: text ? [{ kind: 'text', text }] : [], status });
export const errorOutput = (error: string, errorAt?: SqlPosition): Output => ({ blocks: [], error, errorAt });
