import { Box, Text } from 'ink';
import { useRef } from 'react';
import { useAppState } from '../AppContext.js';
import { windowStart } from '../browser/visible-rows.js';
import { seg, type Line } from '../browser/lines.js';
import { StyledLine } from '../components/StyledLine.js';
import type { Layout } from '../layout.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

const RISK = { breaking: ['!', 'danger'], caution: ['~', 'warn'], safe: [' ', 'muted'] } as const;

/** `:diff --to …`: the changes with their risk, possible renames to decide, the steps' locks on the right. */
export function DiffView({ l }: { l: Layout }) {
  const theme = useTheme();
  const d = useAppState((s) => s.diff);
  const startRef = useRef(0);
  const lines: Line[] = [
    ...d.candidates.map((c): Line => [seg(' ? ', 'warn', true), seg(`rename ${c.kind} ${c.schema}.${c.table}${c.column ? `.${c.column}` : ''} → ${c.to}?`)]),
    ...d.rows.map((r): Line => [seg(` ${RISK[r.risk][0]} `, RISK[r.risk][1], true), seg(r.summary)]),
  ];
  const start = windowStart(lines.length, d.cursor, l.listRows, startRef.current);
  startRef.current = start;
  const steps = d.plan ? d.plan.upgrade : [];
  const counts = (['breaking', 'caution', 'safe'] as const).map((k) => `${d.rows.filter((r) => r.risk === k).length} ${k}`).join(' · ');
  let empty: string | undefined;
  if (d.error) empty = d.error;
  else if (d.busy) empty = 'reading both schemas…';
  else if (!lines.length) empty = 'no changes: the schemas are the same';
  return (
    <Box flexDirection="row" height={l.paneHeight} width={l.width}>
      <Box flexDirection="column" width={l.listWidth} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
        <Text bold color={colorOf(theme, 'title')} wrap="truncate">Diff · {d.title} · {counts}</Text>
        {empty ? <Text color={colorOf(theme, d.error ? 'danger' : 'muted')} wrap="truncate">{empty}</Text> : lines.slice(start, start + l.listRows).map((line, i) => (
          <StyledLine key={start + i} line={line} width={l.listWidth - 4} inverse={start + i === d.cursor} />
        ))}
      </Box>
      <Box flexDirection="column" width={l.detailWidth} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'border')} paddingX={1}>
        <Text color={colorOf(theme, 'muted')} wrap="truncate">Enter migration · w write {d.format === 'sql' ? 'SQL' : 'Alembic'} · f format · Esc close</Text>
        {d.candidates.length ? <Text color={colorOf(theme, 'warn')} wrap="truncate">possible renames (?): r on one renames it · n drops and adds them all</Text> : null}
        {d.written ? <Text color={colorOf(theme, 'ok')} wrap="truncate">wrote {d.written}</Text> : null}
        {steps.slice(0, l.detailRows).map((s, i) => (
          <StyledLine key={i} line={[seg(s.transactional ? '  ' : '⇥ ', 'accent'), seg(s.lock, 'muted'), seg(`  ${s.sql.split('\n')[0]}`)]} width={l.detailWidth - 4} />
        ))}
        {d.plan?.warnings.map((w, i) => <Text key={`w${i}`} color={colorOf(theme, 'warn')} wrap="truncate">warning: {w}</Text>)}
      </Box>
    </Box>
  );
}
