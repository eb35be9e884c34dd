import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { CommandLine } from './CommandLine.js';

/** The bottom line: the command line when open, else the last message (an SQL error with its marker). */
export function MessageLine({ width }: { width: number }) {
  const open = useAppState((s) => s.prompt.open);
  const message = useAppState((s) => s.message);
  const busy = useAppState((s) => s.prompt.busy);
  const theme = useTheme();
  if (open) return <CommandLine width={width} />;
  if (!message) return <Box height={1} width={width}><Text color={colorOf(theme, 'muted')} wrap="truncate">{busy ? ' running…' : ' Tab/1-5 panes · j/k move · / filter · Enter details · [ ] tabs · : command · ? help'}</Text></Box>;
  const tone = message.tone === 'error' ? 'danger' : message.tone === 'info' ? undefined : message.tone;
  const at = message.at;
  let marker = null;
  if (at) {
    // a window of the statement around the error, the offending character inverted
    const lineText = at.sql.split('\n')[at.line - 1] ?? '';
    const from = Math.max(0, at.column - 20);
    marker = (
      <Text>
        {`  at line ${at.line}:${at.column + 1}: ${from ? '…' : ''}${lineText.slice(from, at.column)}`}
        <Text inverse>{lineText[at.column] ?? ' '}</Text>
        {lineText.slice(at.column + 1, at.column + 20)}
      </Text>
    );
  }
  return (
    <Box height={1} width={width} overflow="hidden">
      <Text wrap="truncate" color={colorOf(theme, tone)}>
        {message.tone === 'error' ? ' ✖ ' : ' '}
        {message.text}
        {marker}
      </Text>
    </Box>
  );
}
