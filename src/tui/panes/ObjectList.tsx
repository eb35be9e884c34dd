import { Box, Text } from 'ink';
import { memo, useRef } from 'react';
import { useAppState } from '../AppContext.js';
import { BADGE, type CatalogItem } from '../browser/catalog-items.js';
import { humanBytes, humanCount } from '../browser/lines.js';
import { windowStart } from '../browser/visible-rows.js';
import { browserRows, cursorIndex } from '../state/browser-actions.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

const Row = memo(function Row({ item, width, selected, collapsed }: { item: CatalogItem; width: number; selected: boolean; collapsed: boolean }) {
  const theme = useTheme();
  const bg = selected && !theme.mono ? colorOf(theme, 'selection') : undefined;
  const fg = selected && !theme.mono ? colorOf(theme, 'selectionText') : undefined;
  if (item.kind === 'schema') {
    const label = `${collapsed ? '▸' : '▾'} ${item.schema}`;
    return (
      <Text inverse={selected && theme.mono} backgroundColor={bg} color={fg ?? colorOf(theme, 'title')} bold wrap="truncate">
        {label.padEnd(width).slice(0, width)}
      </Text>
    );
  }
  const stats = `${humanCount(item.rows).padStart(6)} ${humanBytes(item.bytes).padStart(7)}`;
  const nameW = Math.max(4, width - 4 - stats.length - 1);
  const name = [...item.name].length > nameW ? [...item.name].slice(0, nameW - 1).join('') + '…' : item.name.padEnd(nameW);
  return (
    <Text inverse={selected && theme.mono} backgroundColor={bg} color={fg} wrap="truncate">
      {'  '}
      <Text color={fg ?? colorOf(theme, 'accent')}>{BADGE[item.kind]}</Text>
      {` ${name} `}
      <Text color={fg ?? colorOf(theme, 'muted')}>{stats}</Text>
    </Text>
  );
});

/** The object list, windowed: only `height` rows reach React, whatever the number of relations. */
export function ObjectList({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const theme = useTheme();
  const state = useAppState((s) => s);
  const rows = browserRows(state);
  const cursor = cursorIndex(state, rows);
  const startRef = useRef(0);
  const listH = Math.max(1, height - 3);
  const start = windowStart(rows.length, Math.max(0, cursor), listH, startRef.current);
  startRef.current = start;
  const b = state.browser;
  const items = state.catalog.items;
  const objects = items ? items.filter((i) => i.kind !== 'schema').length : 0;
  const header = b.filtering || b.filter
    ? <Text wrap="truncate"><Text color={colorOf(theme, 'accent')} bold>/</Text>{b.filter}{b.filtering ? <Text inverse> </Text> : ''}<Text color={colorOf(theme, 'muted')}>{`  ${rows.filter((r) => r.kind !== 'schema').length} of ${objects}`}</Text></Text>
    : <Text wrap="truncate" color={colorOf(theme, 'muted')}>{items ? `${objects} objects${rows.length > listH ? `  ${cursor + 1}/${rows.length}` : ''}` : ''}</Text>;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, focused ? 'borderFocus' : 'border')}>
      <Box paddingX={1} height={1}>{header}</Box>
      {!items
        ? <Box paddingX={1}><Text color={colorOf(theme, 'muted')} wrap="wrap">{state.conn.status === 'failed' ? 'Not connected. Press C to pick a connection, or type :connect URL' : state.catalog.error ? `could not read the catalog: ${state.catalog.error}` : 'reading the catalog…'}</Text></Box>
        : rows.length === 0
          ? <Box paddingX={1}><Text color={colorOf(theme, 'muted')} wrap="truncate">{b.filter ? `nothing matches "${b.filter}" (Esc clears)` : 'no objects in this database'}</Text></Box>
          : rows.slice(start, start + listH).map((it, i) => (
            <Row key={it.key} item={it} width={width - 2} selected={start + i === cursor} collapsed={!!b.collapsed[it.schema]} />
          ))}
    </Box>
  );
}
