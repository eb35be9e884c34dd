import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../browser/lines.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

/** One pre-sliced line of segments, cut to `width` so nothing ever wraps and shifts the layout. */
export const StyledLine = memo(function StyledLine({ line, width, offset = 0, inverse = false }: { line: Line; width: number; offset?: number; inverse?: boolean }) {
  const theme = useTheme();
  let skip = offset;
  let room = width;
  const parts: { text: string; color?: string; bold?: boolean; inverse?: boolean }[] = [];
  for (const s of line) {
    if (s.text.includes('\x1b')) {
      // pre-coloured text (highlighted SQL): Ink truncates ANSI strings itself, slicing would break escapes
      const visible = [...s.text.replace(/\x1b\[[0-9;]*m/g, '')].length;
      parts.push({ text: s.text });
      room -= visible;
      continue;
    }
    let chars = [...s.text];
    if (skip) {
      const n = Math.min(skip, chars.length);
      chars = chars.slice(n);
      skip -= n;
    }
    if (room <= 0) break;
    if (chars.length > room) chars = chars.slice(0, room);
    room -= chars.length;
    if (chars.length) parts.push({ text: chars.join(''), color: theme.mono ? undefined : colorOf(theme, s.tone), bold: s.bold, inverse: s.inverse });
  }
  return (
    <Text wrap="truncate" inverse={inverse}>
      {parts.length ? parts.map((p, i) => <Text key={i} color={p.color} bold={p.bold} inverse={p.inverse}>{p.text}</Text>) : ' '}
      {inverse && room > 0 ? ' '.repeat(room) : ''}
    </Text>
  );
});
