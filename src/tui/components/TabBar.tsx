import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { PANES } from '../state/app-state.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

export const PANE_TITLES: Record<(typeof PANES)[number], string> = {
  browser: 'Browser', workbench: 'Workbench', wizard: 'Wizard', checklist: 'Checklist', health: 'Health',
};

const TITLE = ' Tablewright ';
const HINT = 'F1/? help  : command  q quit ';

/** Pane tabs with their number keys; the title and the hint go first when the terminal is narrow. */
export function TabBar({ width }: { width: number }) {
  const pane = useAppState((s) => s.pane);
  const theme = useTheme();
  const tabs = PANES.map((p, i) => ` ${i + 1} ${PANE_TITLES[p]} `);
  const tabsW = tabs.join('').length;
  const showTitle = tabsW + TITLE.length <= width;
  const showHint = tabsW + TITLE.length + HINT.length + 1 <= width;
  return (
    <Box width={width} height={1} overflow="hidden">
      {showTitle ? <Text bold color={colorOf(theme, 'accent')}>{TITLE}</Text> : null}
      <Text wrap="truncate">
        {PANES.map((p, i) => (
          <Text key={p} inverse={p === pane} bold={p === pane} color={p === pane ? undefined : colorOf(theme, 'muted')}>{tabs[i]}</Text>
        ))}
      </Text>
      <Box flexGrow={1} />
      {showHint ? <Text color={colorOf(theme, 'muted')}>{HINT}</Text> : null}
    </Box>
  );
}
