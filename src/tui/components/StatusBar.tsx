import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useAppState } from '../AppContext.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A timer that re-renders only this leaf, not the whole app (tui.md §4.5). */
function useTick(ms: number, on: boolean): number {
  const [t, setT] = useState(0);
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setT((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms, on]);
  return t;
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h`;
}

function Jobs() {
  const jobs = useAppState((s) => s.jobs);
  const theme = useTheme();
  const t = useTick(120, jobs.length > 0);
  if (!jobs.length) return null;
  const j = jobs[jobs.length - 1]!;
  const text = j.progress ?? j.label;
  return <Text color={colorOf(theme, 'warn')} wrap="truncate">{` ${FRAMES[t % FRAMES.length]} ${text.length > 48 ? `${text.slice(0, 47)}…` : text}${jobs.length > 1 ? ` (+${jobs.length - 1})` : ''} `}</Text>;
}

function SnapshotAge() {
  const readAt = useAppState((s) => s.catalog.readAt);
  const full = useAppState((s) => !!s.catalog.snapshot);
  const cached = useAppState((s) => !!s.catalog.cached);
  useTick(1000, readAt !== null);
  if (readAt === null) return null;
  return <Text>{` ${full ? 'snapshot' : cached ? 'cached relations' : 'relations'} ${age(Date.now() - readAt)} ago `}</Text>;
}

function Retry() {
  const retryAt = useAppState((s) => s.conn.retryAt);
  useTick(500, retryAt !== undefined);
  if (retryAt === undefined) return null;
  return <Text>{` retry in ${Math.max(0, Math.ceil((retryAt - Date.now()) / 1000))}s `}</Text>;
}

export function StatusBar({ width }: { width: number }) {
  const conn = useAppState((s) => s.conn);
  const theme = useTheme();
  const bar = theme.mono ? undefined : colorOf(theme, 'bar');
  const statusTone = conn.status === 'ready' ? 'ok' : conn.status === 'connecting' ? 'warn' : 'danger';
  const statusText = { ready: '●', connecting: '◌ connecting', lost: '✖ connection lost', failed: '✖ not connected' }[conn.status];
  const fg = theme.mono ? undefined : colorOf(theme, 'barText');
  return (
    <Box width={width} height={1} overflow="hidden" backgroundColor={bar}>
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text color={fg} inverse={theme.mono} wrap="truncate">
          <Text color={theme.mono ? undefined : colorOf(theme, statusTone)}>{` ${statusText} `}</Text>
          {width < 120 ? conn.description.replace(/ \(.*\)$/, '') : conn.description}{' '}
          {conn.version ? `· ${conn.version} ` : ''}
          {conn.version ? <Text bold color={theme.mono ? undefined : colorOf(theme, conn.writeMode ? 'warn' : 'ok')}>· {conn.writeMode ? 'read-write' : 'read-only'} </Text> : null}
          {conn.status === 'lost' ? <Retry /> : null}
          <Text>·</Text>
          <SnapshotAge />
        </Text>
      </Box>
      <Box flexShrink={0} overflow="hidden">
        <Jobs />
      </Box>
    </Box>
  );
}
