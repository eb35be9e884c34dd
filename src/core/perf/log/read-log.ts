import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import type { Execution, LogSummary } from '../types.js';
import { ExecutionAssembler } from './executions.js';
import { csvComplete, detectFormat, parseCsvRecord, parseJsonLine, parseStderrLine, type LogFormat, type LogRecord } from './records.js';

export interface ReadLogOptions {
  /** skip executions logged before this epoch ms */
  since?: number;
  format?: LogFormat;
}

const MAX_CSV_RECORD = 1 << 20;

/**
 * Streams a server log (stderr, csvlog or jsonlog) line by line — constant memory whatever its size —
 * and hands each completed execution to `onExecution`. Lines that are neither a log line of the
 * format nor a continuation are counted, never fatal.
 */
/** Calls `onLine` for each line of a file, streamed in 256 kB chunks (synchronously per chunk: per-line promises cost a third of the parse). */
async function eachLine(file: string, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      onLine(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest) onLine(rest);
}

export async function readLog(file: string, onExecution: (e: Execution, fromPlan: boolean) => void, o: ReadLogOptions = {}): Promise<LogSummary> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new UserError(`--log ${file}: not a file; give a PostgreSQL server log (stderr, csvlog or jsonlog)`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`--log ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path`);
  }
  const summary: LogSummary = { file, format: o.format ?? 'unknown', lines: 0, executions: 0, unreadable: 0 };
  const assembler = new ExecutionAssembler((e, fromPlan) => {
    if (o.since !== undefined && e.at < o.since) return;
    if (!fromPlan) summary.executions++;
    onExecution(e, fromPlan);
  });
  let format = o.format;
  let held: LogRecord | undefined;
  let csv = '';
  const unreadable = (line: string) => {
    summary.unreadable++;
    summary.firstUnreadable ??= line.slice(0, 200);
  };
  const release = () => {
    if (held) assembler.push(held);
    held = undefined;
  };
  await eachLine(file, (line) => {
    summary.lines++;
    if (!line) return;
    if (!format) {
      format = detectFormat(line);
      if (!format) {
        unreadable(line);
        return;
      }
      summary.format = format;
    }
    if (format === 'jsonlog') {
      const r = parseJsonLine(line);
      if (r) assembler.push(r);
      else unreadable(line);
    } else if (format === 'csvlog') {
      csv = csv ? `${csv}\n${line}` : line;
      if (!csvComplete(csv)) {
        if (csv.length > MAX_CSV_RECORD) { unreadable(csv); csv = ''; }
        return;
      }
      const r = parseCsvRecord(csv);
      csv = '';
      if (r) assembler.push(r);
      else unreadable(line);
    } else {
      const r = parseStderrLine(line);
      if (r) {
        release();
        held = r;
      } else if (held && (line.startsWith('\t') || line.startsWith(' '))) {
        // a multi-line statement or an auto_explain plan continues on tab-indented lines
        held.message += `\n${line.slice(1)}`;
      } else unreadable(line);
    }
  });
  if (csv) unreadable(csv);
  release();
  assembler.end();
  if (!format) throw new UserError(`--log ${file}: no line looks like a PostgreSQL log (stderr with %m in log_line_prefix, csvlog or jsonlog)`);
  return summary;
}
