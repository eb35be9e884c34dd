import { Box, Text } from 'ink';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

/** The `:` prompt with a block cursor; long lines scroll so the cursor stays visible. */
export function CommandLine({ width }: { width: number }) {
  const p = useAppState((s) => s.prompt);
  const theme = useTheme();
  const chars = [...p.text];
  // Tab with several candidates: list them after the text, the current one highlighted
  const cands = p.completion && p.completion.candidates.length > 1 ? p.completion : undefined;
  const listW = cands ? Math.min(Math.floor(width / 2), cands.candidates.join('  ').length + 4) : 0;
  const room = Math.max(4, width - 3 - listW);
  const start = Math.max(0, p.cursor - room + 1);
  const visible = chars.slice(start, start + room);
  const at = p.cursor - start;
  return (
    <Box height={1} width={width}>
      <Text color={colorOf(theme, 'accent')} bold>:</Text>
      <Text wrap="truncate">
        {visible.slice(0, at).join('')}
        <Text inverse>{visible[at] ?? ' '}</Text>
        {visible.slice(at + 1).join('')}
      </Text>
      {cands ? (
        <Box flexGrow={1} justifyContent="flex-end" overflow="hidden">
          <Text wrap="truncate" color={colorOf(theme, 'muted')}>
            {cands.candidates.map((c, i) => <Text key={c} inverse={i === cands.index}>{` ${c} `}</Text>)}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
