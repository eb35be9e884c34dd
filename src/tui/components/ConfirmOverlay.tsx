import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

export function ConfirmOverlay({ width }: { width: number }) {
  const q = useAppState((s) => (s.overlay?.kind === 'confirm' ? s.overlay.question : ''));
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} flexShrink={0} borderStyle="double" borderColor={colorOf(theme, 'warn')} paddingX={1}>
      <Text bold wrap="truncate">{q}</Text>
      <Text wrap="truncate"><Text bold color={colorOf(theme, 'warn')}>[Y]es</Text> / <Text bold>[N]o</Text></Text>
    </Box>
  );
}
