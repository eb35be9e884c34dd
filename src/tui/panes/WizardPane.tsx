import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { STEPS } from '../../core/design/index.js';
import { useAppState, useController } from '../AppContext.js';
import { wrapLine } from '../browser/detail-tabs.js';
import { loadHighlighter } from '../browser/highlight.js';
import { windowStart } from '../browser/visible-rows.js';
import { seg, type Line } from '../browser/lines.js';
import { StyledLine } from '../components/StyledLine.js';
import type { Layout } from '../layout.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { stepRows } from '../wizard/rows.js';
import { previewLines } from '../wizard/preview-lines.js';

const SEV = { error: ['E', 'danger'], warning: ['W', 'warn'], info: ['I', 'accent'] } as const;

/** The table-design wizard: the steps' form on the left; the draft's checklist and the generated files on the right. */
export function WizardPane({ l }: { l: Layout }) {
  const app = useController();
  const theme = useTheme();
  const w = useAppState((s) => s.wizard);
  const startRef = useRef(0);
  useEffect(() => { void loadHighlighter(); app.wizard.start(); }, [app]);
  const d = w.draft;
  const step = STEPS[w.step]!;
  const rows = useMemo(() => (d ? stepRows(step, d, w.outputDir) : []), [d, step, w.outputDir]);
  const r = w.result;
  const stale = !!r && r.of !== d;
  const problems = (r?.problems ?? []).filter((p) => p.step === step);
  const files = (r?.files ?? []).filter((f) => f.contents);
  const file = files[Math.min(w.previewTab, Math.max(0, files.length - 1))];
  const preview = useMemo(() => (file ? previewLines(file.path, file.contents, theme) : []), [file, theme]);
  // the form needs room for a column's type and modifiers: wider than the Browser's list
  const formW = Math.min(64, Math.max(l.listWidth, Math.round(l.width * 0.45)));
  const innerW = formW - 4;
  const rightW = l.width - formW - 4;
  const labelW = Math.min(16, Math.max(6, ...rows.map((x) => [...x.label].length)));

  const stepLine: Line = [];
  STEPS.forEach((s, i) => {
    const bad = r?.problems.some((p) => p.step === s);
    if (i) stepLine.push(seg(' › ', 'muted'));
    // the current step in full, the others short, so all six fit the form's width
    stepLine.push(seg(`${bad ? '✗' : ''}${i === w.step ? s : s.slice(0, 3)}`, i === w.step ? 'title' : bad ? 'danger' : 'muted', i === w.step));
  });

  const checks = r?.checks ?? [];
  const serious = checks.filter((c) => c.severity !== 'info');
  const checkLines: Line[] = [];
  if (!r) checkLines.push([seg(d?.name ? 'checking the draft…' : 'name the table to start', 'muted')]);
  else if (!serious.length && !r.problems.length) checkLines.push([seg('✓ checklist clean', 'ok', true), seg(checks.length ? `  (${checks.length} note${checks.length > 1 ? 's' : ''})` : '', 'muted')]);
  else checkLines.push([seg(`Checklist: ${r.problems.length} problem(s), ${serious.length} warning(s)`, r.problems.length ? 'danger' : 'warn', true), seg('  f fixes the first, F all', 'muted')]);
  for (const c of checks.slice(0, 5)) checkLines.push([seg(` ${SEV[c.severity][0]} `, SEV[c.severity][1], true), seg(`${c.ruleId} ${c.message}`), seg(c.fix ? `  [${c.fix.label}]` : '', 'muted')]);
  if (checks.length > 5) checkLines.push([seg(`  … ${checks.length - 5} more`, 'muted')]);

  const innerH = l.paneHeight - 2;
  const previewH = Math.max(1, innerH - checkLines.length - 2);
  const maxScroll = Math.max(0, preview.length - previewH);
  const scroll = Math.min(w.previewScroll, maxScroll);
  const tabs: Line = files.flatMap((f, i) => [seg(` ${f.title} `, i === w.previewTab ? 'title' : 'muted', i === w.previewTab), seg('│', 'border')]);

  const formH = innerH - 4 - (w.edit ? 2 : 0);
  // problems of the step keep up to four lines however long the list is, wrapped to be read whole
  const problemLines = problems.flatMap((p) => wrapLine(`✗ ${p.message}`, innerW)).slice(0, Math.max(0, Math.min(4, formH - 2)));
  // a long column list scrolls with the cursor
  const rowsH = Math.max(1, formH - problemLines.length);
  const start = windowStart(rows.length, w.cursor, rowsH, startRef.current);
  startRef.current = start;
  return (
    <Box flexDirection="row" height={l.paneHeight} width={l.width}>
      <Box flexDirection="column" width={formW} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
        <Text bold color={colorOf(theme, 'title')} wrap="truncate">Wizard · {d ? `${d.schema}.${d.name || '…'}` : ''}{w.evaluating || stale ? ' · checking…' : ''}</Text>
        <StyledLine line={stepLine} width={innerW} />
        {rows.slice(start, start + rowsH).map((row, i) => (
          <StyledLine key={row.id} inverse={start + i === w.cursor && !w.edit} width={innerW} line={[seg(row.label.padEnd(labelW), row.id === 'add' ? 'accent' : 'text', true), seg('  '), seg(row.value, row.id === 'add' ? 'muted' : 'text')]} />
        ))}
        {problemLines.map((p, i) => <Text key={`p${i}`} color={colorOf(theme, 'danger')} wrap="truncate">{p}</Text>)}
        <Box flexGrow={1} />
        {w.edit ? <Text color={colorOf(theme, 'muted')} wrap="truncate">{w.edit.label}</Text> : null}
        {w.edit ? <Text wrap="truncate">› {w.edit.text}▏</Text> : null}
        <Text color={colorOf(theme, 'muted')} wrap="truncate">{w.edit ? `Enter accepts · Esc cancels${['addColumn', 'editColumn', 'addFk'].includes(w.edit.kind) ? ' · Tab completes' : ''}` : '[ ] steps · Enter edit · a add · d del · n null · u unique · w write · x apply'}</Text>
      </Box>
      <Box flexDirection="column" width={l.width - formW} height={l.paneHeight} borderStyle="round" borderColor={colorOf(theme, 'border')} paddingX={1}>
        {checkLines.map((line, i) => <StyledLine key={`c${i}`} line={line} width={rightW} />)}
        <StyledLine line={tabs.length ? tabs : [seg('no files yet', 'muted')]} width={rightW} />
        <Text color={colorOf(theme, 'muted')} wrap="truncate">{file ? `${file.role === 'versions' ? (r?.layout ? 'alembic/versions/' : '') : ''}${file.path}  { } files · J/K scroll${maxScroll ? ` (${scroll}/${maxScroll})` : ''}${w.written.length ? ` · ${w.written.length} written` : ''}` : ''}</Text>
        {preview.slice(scroll, scroll + previewH).map((line, i) => <StyledLine key={`f${scroll + i}`} line={line} width={rightW} />)}
      </Box>
    </Box>
  );
}
