import type { Command, OptionSpec } from '../cli/command.js';
import { PLANNED_COMMANDS } from './planned.js';
import { BUILTINS, META_COMMANDS } from './session.js';
import { SQL_KEYWORDS_FOR_COMPLETION } from './sql-words.js';

export interface CompletionSource {
  commands: readonly Command[];
  connectionOptions: OptionSpec;
  /** relation names as `schema.name` */
  relations: () => readonly string[];
}

export interface Completion {
  /** where the word being completed starts in the line */
  start: number;
  candidates: string[];
}

const TABLE_ARG_META = new Set(['\\d', '\\dt', '\\di', '\\dv', '\\dm', '\\ds', '\\d+', '\\dt+']);

/**
 * Candidates for the word before the cursor: command and meta-command names in first position,
 * a command's options after `--`, relation names in SQL and after `\d`.
 */
export function complete(line: string, cursor: number, src: CompletionSource): Completion {
  const head = line.slice(0, cursor);
  const start = head.search(/[^\s(,]*$/);
  const word = head.slice(start);
  const before = head.slice(0, start).replace(/^\s*:/, '');
  const words = before.trim().split(/\s+/).filter(Boolean);
  const match = (list: readonly string[]) => [...new Set(list)].filter((c) => c.toLowerCase().startsWith(word.toLowerCase()) && c !== word).sort();

  if (!words.length) {
    if (word.startsWith('\\')) return { start, candidates: match(META_COMMANDS) };
    const names = [...src.commands.filter((c) => c.name !== 'repl').map((c) => c.name), ...PLANNED_COMMANDS, ...Object.keys(BUILTINS)];
    return { start, candidates: match(word ? [...names, ...SQL_KEYWORDS_FOR_COMPLETION.filter((k) => !k.includes(' '))] : names) };
  }
  const first = words[0]!;
  const command = src.commands.find((c) => c.name === first);
  if (command && word.startsWith('-')) {
    const opts = { ...(command.options ?? {}), ...(command.connects ? src.connectionOptions : {}), help: { type: 'boolean' } };
    return { start, candidates: match(Object.keys(opts).map((o) => `--${o}`)) };
  }
  if (TABLE_ARG_META.has(first) || !command) return { start, candidates: match(relationWords(src.relations())) };
  return { start, candidates: match(relationWords(src.relations())) };
}

/** Both `schema.table` and, for the public schema, the bare name people type. */
function relationWords(rels: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of rels) {
    out.push(r);
    if (r.startsWith('public.')) out.push(r.slice(7));
  }
  return out;
}

/** The longest prefix all candidates share: what Tab inserts before cycling. */
export function commonPrefix(cands: readonly string[]): string {
  if (!cands.length) return '';
  let p = cands[0]!;
  for (const c of cands) while (!c.toLowerCase().startsWith(p.toLowerCase())) p = p.slice(0, -1);
  return p;
}
