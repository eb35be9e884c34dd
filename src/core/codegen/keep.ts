import { createHash } from 'node:crypto';
import { GENERATED_MARKER } from './files.js';

/**
 * Regeneration over files the user may have edited. A generated Python file's first line carries a
 * hash of what was generated; code between `# tablewright: keep` and `# tablewright: end keep` is the
 * user's and survives regeneration (outside the hash), carried into the same class.
 */
const KEEP_START = /^\s*# tablewright: keep\b/;
const KEEP_END = /^\s*# tablewright: end keep\b/;

export interface KeepBlock { owner: string; lines: string[] }

// blank lines are layout, not edits: they may move when keep blocks are carried over
const hashOf = (body: string) => createHash('sha256').update(body.replace(/\n\s*(?=\n)/g, '').trim()).digest('hex').slice(0, 16);

/** The file with its keep blocks cut out, and the blocks by the class (or module) they sit in. */
export function splitKeep(text: string): { body: string; blocks: KeepBlock[] } {
  const out: string[] = [];
  const blocks: KeepBlock[] = [];
  let owner = '';
  let block: KeepBlock | undefined;
  for (const line of text.split('\n')) {
    if (!block) {
      const cls = /^class (\w+)/.exec(line);
      if (cls) owner = cls[1]!;
      else if (/^\S/.test(line) && !line.startsWith('#')) owner = '';
    }
    if (!block && KEEP_START.test(line)) { block = { owner, lines: [line] }; continue; }
    if (block) {
      block.lines.push(line);
      if (KEEP_END.test(line)) { blocks.push(block); block = undefined; }
      continue;
    }
    out.push(line);
  }
  if (block) blocks.push(block);
  return { body: out.join('\n'), blocks };
}

/** Stamps generated Python with the hash of its body (first line). */
export function stamp(source: string, tool: string): string {
  const [first, ...rest] = source.split('\n');
  const body = rest.join('\n');
  void first;
  return `# @${GENERATED_MARKER} ${tool} sha256:${hashOf(body)} — regenerate instead of editing; keep your code between "# tablewright: keep" and "# tablewright: end keep"\n${body}`;
}

/** The hash a stamped file's first line records. */
export const headerHash = (text: string): string | undefined => /sha256:([0-9a-f]{16})/.exec(text.split('\n', 1)[0] ?? '')?.[1];

export type Existing = 'absent' | 'ours-unchanged' | 'ours-edited' | 'foreign';

/** Whether a file on disk is ours and unedited (keep blocks aside). */
export function classify(text: string | undefined): Existing {
  if (text === undefined) return 'absent';
  const [first = '', ...rest] = text.split('\n');
  const m = new RegExp(`${GENERATED_MARKER} \\S+ sha256:([0-9a-f]{16})`).exec(first);
  if (!m) return 'foreign';
  return hashOf(splitKeep(rest.join('\n')).body) === m[1] ? 'ours-unchanged' : 'ours-edited';
}

/** Puts the old file's keep blocks into the new source: at the end of the same class, else at the end. */
export function carryKeep(newSource: string, old: string | undefined): string {
  if (!old) return newSource;
  const { blocks } = splitKeep(old);
  if (!blocks.length) return newSource;
  let lines = newSource.replace(/\n+$/, '').split('\n');
  for (const b of blocks) {
    const start = b.owner ? lines.findIndex((l) => new RegExp(`^class ${b.owner}\\b`).test(l)) : -1;
    if (start < 0) {
      lines = [...lines, '', '', ...b.lines.map((l) => l.replace(/^    /, ''))];
      continue;
    }
    let end = start + 1;
    while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]!))) end++;
    while (end > start + 1 && lines[end - 1] === '') end--;
    lines = [...lines.slice(0, end), '', ...b.lines, ...lines.slice(end)];
  }
  return `${lines.join('\n')}\n`;
}
