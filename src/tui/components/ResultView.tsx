import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { markCell, resultGrid } from '../result/result-grid.js';
import { StyledLine } from './StyledLine.js';

/** The last result as a grid with a cell cursor (text results just scroll); only the visible rows are rendered. */
export function ResultView({ width, height }: { width: number; height: number }) {
  const result = useAppState((s) => s.result);
  const theme = useTheme();
  if (!result) return null;
  const { lines, stops } = resultGrid(result.output);
  const rows = Math.max(1, height - 3);
  const y = Math.min(result.scrollY, Math.max(0, lines.length - rows));
  const shown = lines.slice(y, y + rows);
  const stop = stops[result.row];
  const where = stop ? `row ${result.row + 1} of ${stops.length}` : `lines ${lines.length ? y + 1 : 0}-${y + shown.length} of ${lines.length}`;
  const keys = stop ? 'j/k rows · h/l columns · y cell · Y row CSV · J row JSON · E export · Esc closes' : 'j/k h/l scroll · Esc closes · o reopens';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
      <Text wrap="truncate">
        <Text bold color={colorOf(theme, 'title')}>Result</Text>
        <Text color={colorOf(theme, 'muted')}>{`  ${where} · ${keys} · ${result.title}`}</Text>
      </Text>
      {shown.map((l, i) => <StyledLine key={y + i} line={stop && y + i === stop.line ? markCell(l, stop, result.col) : l} width={width - 4} offset={result.scrollX} />)}
    </Box>
  );
}
