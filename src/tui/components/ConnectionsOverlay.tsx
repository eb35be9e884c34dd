import { Box, Text } from 'ink';
import { useAppState, useController } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

export function ConnectionsOverlay({ width, height }: { width: number; height: number }) {
  const app = useController();
  const cursor = useAppState((s) => (s.overlay?.kind === 'connections' ? s.overlay.cursor : 0));
  const current = useAppState((s) => s.conn.description);
  const theme = useTheme();
  const choices = app.connectionChoices();
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
      <Text bold color={colorOf(theme, 'title')}>Connections — now: {current}</Text>
      <Text color={colorOf(theme, 'muted')} wrap="truncate">j/k choose · Enter switch · Esc close · add one: connect to it, then  :save-connection NAME</Text>
      {choices.slice(0, height - 4).map((c, i) => (
        <Text key={c.name} inverse={i === cursor} wrap="truncate">{` ${c.name.padEnd(16)} ${c.conninfo}`}</Text>
      ))}
    </Box>
  );
}
