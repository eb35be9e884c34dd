/** A multi-line text buffer with a cursor; pure functions so the actions stay small and testable. */
export interface EditorBuffer {
  lines: string[];
  row: number;
  col: number;
}

export const emptyBuffer = (): EditorBuffer => ({ lines: [''], row: 0, col: 0 });
export const bufferText = (b: EditorBuffer): string => b.lines.join('\n');

export function fromText(text: string): EditorBuffer {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return { lines, row: lines.length - 1, col: [...lines.at(-1)!].length };
}

const chars = (s: string) => [...s];

export function insert(b: EditorBuffer, text: string): EditorBuffer {
  const line = chars(b.lines[b.row]!);
  const before = line.slice(0, b.col).join('') + text.replace(/\r\n?/g, '\n');
  const parts = before.split('\n');
  const after = line.slice(b.col).join('');
  const lines = [...b.lines.slice(0, b.row), ...parts.slice(0, -1), parts.at(-1)! + after, ...b.lines.slice(b.row + 1)];
  return { lines, row: b.row + parts.length - 1, col: chars(parts.at(-1)!).length };
}

export function backspace(b: EditorBuffer): EditorBuffer {
  if (b.col > 0) {
    const line = chars(b.lines[b.row]!);
    line.splice(b.col - 1, 1);
    return { ...b, lines: b.lines.map((l, i) => (i === b.row ? line.join('') : l)), col: b.col - 1 };
  }
  if (b.row === 0) return b;
  const prev = b.lines[b.row - 1]!;
  const lines = [...b.lines.slice(0, b.row - 1), prev + b.lines[b.row]!, ...b.lines.slice(b.row + 1)];
  return { lines, row: b.row - 1, col: chars(prev).length };
}

export function deleteForward(b: EditorBuffer): EditorBuffer {
  const line = chars(b.lines[b.row]!);
  if (b.col < line.length) {
    line.splice(b.col, 1);
    return { ...b, lines: b.lines.map((l, i) => (i === b.row ? line.join('') : l)) };
  }
  if (b.row === b.lines.length - 1) return b;
  const lines = [...b.lines.slice(0, b.row), b.lines[b.row]! + b.lines[b.row + 1]!, ...b.lines.slice(b.row + 2)];
  return { ...b, lines };
}

export function move(b: EditorBuffer, dir: 'left' | 'right' | 'up' | 'down' | 'home' | 'end'): EditorBuffer {
  const len = (r: number) => chars(b.lines[r]!).length;
  switch (dir) {
    case 'left': return b.col > 0 ? { ...b, col: b.col - 1 } : b.row > 0 ? { ...b, row: b.row - 1, col: len(b.row - 1) } : b;
    case 'right': return b.col < len(b.row) ? { ...b, col: b.col + 1 } : b.row < b.lines.length - 1 ? { ...b, row: b.row + 1, col: 0 } : b;
    case 'up': return b.row > 0 ? { ...b, row: b.row - 1, col: Math.min(b.col, len(b.row - 1)) } : { ...b, col: 0 };
    case 'down': return b.row < b.lines.length - 1 ? { ...b, row: b.row + 1, col: Math.min(b.col, len(b.row + 1)) } : { ...b, col: len(b.row) };
    case 'home': return { ...b, col: 0 };
    case 'end': return { ...b, col: len(b.row) };
  }
}
