import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { resultLines } from '../result/result-lines.js';
import { StyledLine } from './StyledLine.js';

/** The last command-line result, scrollable both ways; only the visible rows are rendered. */
export function ResultView({ width, height }: { width: number; height: number }) {
  const result = useAppState((s) => s.result);
  const theme = useTheme();
  if (!result) return null;
  const lines = resultLines(result.output);
  const rows = Math.max(1, height - 3);
  const y = Math.min(result.scrollY, Math.max(0, lines.length - rows));
  const shown = lines.slice(y, y + rows);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
      <Text wrap="truncate">
        <Text bold color={colorOf(theme, 'title')}>Result</Text>
        <Text color={colorOf(theme, 'muted')}>{`  ${result.title}   lines ${lines.length ? y + 1 : 0}-${y + shown.length} of ${lines.length} · j/k h/l scroll · Esc closes · o reopens`}</Text>
      </Text>
      {shown.map((l, i) => <StyledLine key={y + i} line={l} width={width - 4} offset={result.scrollX} />)}
    </Box>
  );
}
