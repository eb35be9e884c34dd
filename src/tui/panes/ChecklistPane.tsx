import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { useAppState, useController } from '../AppContext.js';
import { windowStart } from '../browser/visible-rows.js';
import { highlightSql } from '../browser/highlight.js';
import { blank, plain, seg, type Line } from '../browser/lines.js';
import { checklistCounts, rowLabel, type ChecklistRow } from '../checklist/rows.js';
import { StyledLine } from '../components/StyledLine.js';
import type { Layout } from '../layout.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';

const TONE = { error: 'danger', warning: 'warn', info: 'accent' } as const;

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (cur && [...cur].length + 1 + [...word].length > width) { out.push(cur); cur = word; }
    else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

/** The detail of the selected row: what, where, why, the fix; for migrations the source lines around it. */
function detailLines(row: ChecklistRow | undefined, width: number, theme: Theme, files: { path: string; lines: string[] }[] | undefined): Line[] {
  if (!row) return [plain('Nothing selected.')];
  if (row.kind === 'header') return [[seg(`${row.label}: ${row.count}`, 'title', true)], blank, plain('Move down to a finding to see why it matters and how to fix it.')];
  if (row.kind === 'notrun') return [[seg(`${row.ruleId} not run`, 'muted', true)], blank, ...wrap(row.reason, width).map(plain)];
  const f = row.finding;
  const t = f.target;
  const where = t.file ? `${t.file}${t.line ? `:${t.line}` : ''}` : [t.schema, t.table, typeof t.column === 'string' ? t.column : undefined].filter(Boolean).join('.') + (t.object ? ` (${t.object})` : '');
  const lines: Line[] = [
    [seg(f.severity.toUpperCase(), TONE[f.severity], true), seg(`  ${f.ruleId} ${f.name}`, 'title', true)],
    [seg('where  ', 'muted'), seg(where || '(database)')],
    blank,
    ...wrap(f.message, width).map(plain),
    blank,
    [seg('why', 'muted', true)],
    ...wrap(f.why, width).map(plain),
  ];
  if (t.file && t.line) {
    const src = files?.find((x) => x.path === t.file)?.lines;
    if (src) {
      lines.push(blank, [seg('source', 'muted', true)]);
      for (let n = Math.max(1, t.line - 2); n <= Math.min(src.length, t.line + 2); n++) lines.push([seg(`${String(n).padStart(5)} ${n === t.line ? '▶' : ' '} `, n === t.line ? 'warn' : 'muted'), seg(src[n - 1] ?? '')]);
    }
  }
  const sql = f.fix?.sql ?? f.fix?.alembic;
  if (sql) {
    lines.push(blank, [seg(f.fix?.sql ? 'fix (y copies, x runs in write mode)' : 'fix (Alembic; y copies)', 'muted', true)]);
    // long statements wrap at spaces, each piece highlighted alone so escapes never split
    for (const l of sql.split('\n')) for (const piece of wrap(l, width)) lines.push([seg(f.fix?.sql ? highlightSql(piece, theme) : piece)]);
  }
  for (const s of f.fix?.steps ?? []) lines.push(...wrap(`- ${s}`, width).map(plain));
  return lines;
}

/** The live schema checklist and the migration check, grouped, with each finding's why and fix. */
export function ChecklistPane({ l }: { l: Layout }) {
  const app = useController();
  const theme = useTheme();
  const c = useAppState((s) => s.checklist);
  const hasSnapshot = useAppState((s) => !!s.catalog.snapshot);
  const rows = useMemo(() => app.checklist.rows(), [app, c.result, c.group, c.tab, c.migrations.result]);
  const cursor = c.tab === 'migrations' ? c.migrations.cursor : c.cursor;
  const listRows = l.listRows;
  const startRef = useRef(0);
  const start = windowStart(rows.length, cursor, listRows, startRef.current);
  startRef.current = start;
  const selected = rows[cursor];
  const detail = useMemo(() => detailLines(selected, l.detailWidth - 4, theme, c.migrations.result?.files), [selected, l.detailWidth, theme, c.migrations.result]);
  const result = c.tab === 'migrations' ? c.migrations.result : c.result;
  const running = c.tab === 'migrations' ? c.migrations.running : c.running;
  const error = c.tab === 'migrations' ? c.migrations.error : c.error;
  const shownPath = c.migrations.path && c.migrations.path.startsWith(`${process.cwd()}/`) ? c.migrations.path.slice(process.cwd().length + 1) : c.migrations.path;
  const title = c.tab === 'schema' ? `Schema · by ${c.group}` : `Migrations · ${shownPath ?? 'no path'}`;
  let empty: string | undefined;
  if (error) empty = error;
  else if (running) empty = c.tab === 'schema' ? 'running the rules…' : 'checking the migrations…';
  else if (c.tab === 'schema' && !hasSnapshot) empty = 'waiting for the schema snapshot…';
  else if (!result) empty = c.tab === 'migrations' ? 'press p and give a migration file or directory' : 'press R to read the schema';
  else if (!rows.length) empty = 'no findings';
  return (
    <Box flexDirection="row" height={l.paneHeight} width={l.width}>
      <Box flexDirection="column" width={l.listWidth} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
        <Text bold color={colorOf(theme, 'title')} wrap="truncate">{title} {result ? `· ${checklistCounts(result)}` : ''}</Text>
        {c.tab === 'migrations' && c.migrations.draft !== null ? <Text wrap="truncate">path: {c.migrations.draft}▏ (Enter checks, Esc cancels)</Text> : null}
        {empty ? <Text color={colorOf(theme, error ? 'danger' : 'muted')} wrap="truncate">{empty}</Text> : rows.slice(start, start + listRows).map((r, i) => {
          const line: Line = r.kind === 'header' ? [seg(rowLabel(r), 'title', true)] : r.kind === 'notrun' ? [seg(rowLabel(r), 'muted')] : [seg(`  ${r.finding.severity[0]!.toUpperCase()} `, TONE[r.finding.severity], true), seg(rowLabel(r).slice(2))];
          return <StyledLine key={start + i} line={line} width={l.listWidth - 4} inverse={start + i === cursor} />;
        })}
      </Box>
      <Box flexDirection="column" width={l.detailWidth} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'border')} paddingX={1}>
        <Text color={colorOf(theme, 'muted')} wrap="truncate">m schema/migrations · v group · Enter show table · y copy fix · x run fix · p path</Text>
        {detail.slice(0, l.detailRows + 1).map((line, i) => <StyledLine key={i} line={line} width={l.detailWidth - 4} />)}
      </Box>
    </Box>
  );
}
