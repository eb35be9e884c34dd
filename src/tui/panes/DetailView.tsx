import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useAppState, useController } from '../AppContext.js';
import { KIND_LABEL } from '../browser/catalog-items.js';
import { TAB_SHORT, TAB_TITLE, tabContent, tabsFor } from '../browser/detail-tabs.js';
import { highlightCode, loadHighlighter } from '../browser/highlight.js';
import { StyledLine } from '../components/StyledLine.js';
import { selectedItem } from '../state/browser-actions.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

/** The selected object's detail tabs; content is computed as lines and windowed before rendering. */
export function DetailView({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const app = useController();
  const theme = useTheme();
  const state = useAppState((s) => s);
  const item = selectedItem(state);
  const tabs = tabsFor(item);
  const tabIndex = Math.min(state.browser.tab, Math.max(0, tabs.length - 1));
  const tab = tabs[tabIndex];
  const snap = state.catalog.snapshot;
  const ddl = item ? state.catalog.ddl[item.key] : undefined;
  const inner = width - 4;

  // DDL is fetched when its tab is shown (and for y/Y/e on demand), never for the whole list
  useEffect(() => {
    if (item && snap && tab === 'ddl' && ddl === undefined) void app.objects.ddlOf(item);
  }, [app, item, snap, tab, ddl]);
  // the Model tab is generated here, not fetched: it only needs the highlighter, loaded on first use
  const [highlighterReady, setHighlighterReady] = useState(false);
  useEffect(() => {
    if (tab === 'model' && !highlighterReady) void loadHighlighter().then(() => setHighlighterReady(true));
  }, [tab, highlighterReady]);

  const content = useMemo(
    () => (item && tab && snap ? tabContent(tab, item, snap, ddl, inner, (l, lang) => highlightCode(l, lang ?? 'sql', theme)) : undefined),
    [item, tab, snap, ddl, inner, theme, highlighterReady],
  );
  // full tab titles when they fit, short ones otherwise, so every tab stays visible
  const fullW = tabs.reduce((n, t) => n + TAB_TITLE[t].length + 2, 0);
  const titles = fullW <= inner ? TAB_TITLE : TAB_SHORT;
  const hintFits = tabs.reduce((n, t) => n + titles[t].length + 2, 0) + 12 <= inner;
  const rows = Math.max(1, height - 4);
  const scroll = Math.min(state.browser.detailScroll, Math.max(0, (content?.lines.length ?? 0) - rows));
  const selLine = focused && content?.selectable?.length ? content.selectable[Math.min(state.browser.detailCursor, content.selectable.length - 1)]?.line : undefined;

  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, focused ? 'borderFocus' : 'border')} paddingX={1}>
      <Text wrap="truncate">
        {item ? <Text bold color={colorOf(theme, 'accent')}>{item.kind === 'schema' ? item.schema : `${item.schema}.${item.name}`}</Text> : <Text color={colorOf(theme, 'muted')}>nothing selected</Text>}
        {item ? <Text color={colorOf(theme, 'muted')}>{`  ${KIND_LABEL[item.kind]}`}</Text> : null}
      </Text>
      <Text wrap="truncate">
        {tabs.map((t, i) => (
          <Text key={t} inverse={i === tabIndex} bold={i === tabIndex} color={i === tabIndex ? undefined : colorOf(theme, 'muted')}>{` ${titles[t]} `}</Text>
        ))}
        {tabs.length > 1 && hintFits ? <Text color={colorOf(theme, 'muted')}>  [ ] switch</Text> : null}
      </Text>
      {!item ? null : !snap
        ? <Text color={colorOf(theme, 'muted')} wrap="truncate">{state.catalog.error ? `details unavailable: ${state.catalog.error}` : 'reading the schema snapshot…'}</Text>
        : content!.lines.slice(scroll, scroll + rows).map((l, i) => (
          <StyledLine key={scroll + i} line={l} width={inner} offset={state.browser.detailScrollX} inverse={scroll + i === selLine} />
        ))}
    </Box>
  );
}
