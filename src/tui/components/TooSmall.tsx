import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../layout.js';

/** Shown instead of a broken layout; every key still works (q quits). */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      <Text wrap="truncate">Terminal too small ({columns}×{rows}).</Text>
      <Text wrap="truncate">Enlarge to at least {MIN_COLUMNS}×{MIN_ROWS}.</Text>
      <Text wrap="truncate">q quits.</Text>
    </Box>
  );
}
