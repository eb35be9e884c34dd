import { Box, Text } from 'ink';
import type { PaneId } from '../state/app-state.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { PANE_TITLES } from './TabBar.js';

const WHAT: Record<Exclude<PaneId, 'browser' | 'checklist'>, string[]> = {
  workbench: [
    'An SQL editor with a result grid, EXPLAIN (ANALYZE) with a plan tree and ranked insights,',
    'snippets from snippets/*.sql, and $EDITOR hand-off.',
    'Until then: press : and type SQL (read-only unless write mode is on), e.g.  select * from orders limit 5',
  ],
  wizard: [
    'A table-design wizard: columns, types, keys and indexes, then a model, an Alembic migration,',
    'Pydantic schemas and a repository generated from it (tablewright new-table).',
  ],
  health: [
    'Health: slow queries from pg_stat_statements, N+1 patterns, index advice, bloat and',
    'vacuum checks (tablewright analyze).',
  ],
};

export function PlaceholderPane({ pane, width, height }: { pane: Exclude<PaneId, 'browser' | 'checklist'>; width: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, 'border')} paddingX={1}>
      <Text bold color={colorOf(theme, 'title')}>{PANE_TITLES[pane]} — not built yet</Text>
      <Text> </Text>
      <Text>What will be here:</Text>
      {WHAT[pane].map((l, i) => <Text key={i} wrap="truncate">  {l}</Text>)}
    </Box>
  );
}
