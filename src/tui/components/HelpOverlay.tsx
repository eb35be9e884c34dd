import { Box, Text } from 'ink';
import { useAppState, useController } from '../AppContext.js';
import { showBinding } from '../keys/binding.js';
import type { Scope } from '../keys/keymap.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { PANE_TITLES } from './TabBar.js';

const SECTIONS: Record<string, { title: string; scopes: Scope[] }[]> = {
  browser: [
    { title: 'Browser', scopes: ['browser'] },
    { title: 'Moving (lists, details, results)', scopes: ['list'] },
  ],
  checklist: [
    { title: 'Checklist', scopes: ['checklist'] },
    { title: 'Moving', scopes: ['list'] },
  ],
  wizard: [
    { title: 'Wizard', scopes: ['wizard'] },
    { title: 'Moving', scopes: ['list'] },
  ],
  health: [
    { title: 'Health', scopes: ['health'] },
    { title: 'Moving', scopes: ['list'] },
  ],
  workbench: [
    { title: 'Workbench editor', scopes: ['editor'] },
    { title: 'Workbench plan and insights', scopes: ['workbench'] },
  ],
  other: [{ title: 'Moving', scopes: ['list'] }],
};

/** Every binding of the focused pane plus the global ones, generated from the keymap so it never drifts. */
export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const app = useController();
  const pane = useAppState((s) => s.pane);
  const resultOpen = useAppState((s) => s.resultOpen);
  const theme = useTheme();
  const specs = app.services.keymap.specs;
  const sections = [
    ...(resultOpen ? [{ title: 'Result', scopes: ['result'] as Scope[] }] : []),
    ...(SECTIONS[pane] ?? SECTIONS.other!),
    { title: 'Everywhere', scopes: ['global'] as Scope[] },
    { title: 'Command line (after :)', scopes: ['prompt'] as Scope[] },
    { title: 'Filter (after /)', scopes: ['filter'] as Scope[] },
  ];
  const rows: { key: string; help: string; header?: boolean }[] = [];
  for (const sec of sections) {
    rows.push({ key: sec.title, help: '', header: true });
    for (const s of specs.filter((x) => sec.scopes.includes(x.scope))) rows.push({ key: s.keys.map(showBinding).join(' '), help: s.help });
  }
  // as many columns as fit (at least 48 wide each), then scrolling with j/k for the rest
  const inner = height - 3;
  const maxCols = Math.max(1, Math.floor((width - 4) / 48));
  const cols = Math.min(maxCols, Math.ceil(rows.length / inner));
  const perCol = Math.ceil(rows.length / cols);
  const colW = Math.floor((width - 4) / cols);
  const keyW = Math.min(26, Math.max(...rows.filter((r) => !r.header).map((r) => r.key.length)) + 4);
  const maxScroll = Math.max(0, perCol - inner);
  const scroll = Math.min(useAppState((s) => (s.overlay?.kind === 'help' ? s.overlay.scroll : 0)), maxScroll);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
      <Text bold color={colorOf(theme, 'title')} wrap="truncate">Keys — {PANE_TITLES[pane]}{resultOpen ? ' (result)' : ''}    Esc or ? closes{maxScroll ? ` · j/k scroll (${scroll}/${maxScroll})` : ''} · keys are configurable in config.json "keys"</Text>
      <Box flexDirection="row">
        {Array.from({ length: cols }, (_, c) => (
          <Box key={c} flexDirection="column" width={colW}>
            {rows.slice(c * perCol, (c + 1) * perCol).slice(scroll, scroll + inner).map((r, i) => (
              <Text key={i} wrap="truncate">
                {r.header ? <Text bold color={colorOf(theme, 'accent')}>{r.key}</Text> : (
                  <>
                    <Text color={colorOf(theme, 'title')}>{`  ${r.key}`.padEnd(keyW)}</Text>
                    <Text>{r.help}</Text>
                  </>
                )}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
