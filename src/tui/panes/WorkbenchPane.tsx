import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { useAppState, useController } from '../AppContext.js';
import { caretLines } from '../../commands/sql-error.js';
import { fmtMs, headerLine } from '../../core/explain/index.js';
import { windowStart } from '../browser/visible-rows.js';
import { seg, type Line } from '../browser/lines.js';
import { StyledLine } from '../components/StyledLine.js';
import type { Layout } from '../layout.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import { compareLines } from '../workbench/compare-lines.js';
import { nodeDetail, PLAN_HEADER, planLines, visibleNodes } from '../workbench/plan-view.js';
import { rawViewWindow, statsViewLines } from '../workbench/plan-alt-views.js';

const SEV_TONE = { crit: 'danger', high: 'danger', warn: 'warn', info: 'accent' } as const;

/** The SQL editor, the plan tree (windowed, heat-coloured), ranked insights and the node detail or a before/after. */
export function WorkbenchPane({ l }: { l: Layout }) {
  const app = useController();
  const theme = useTheme();
  const w = useAppState((s) => s.workbench);
  const editorRows = Math.min(8, Math.max(3, w.editor.lines.length));
  const editorHeight = editorRows + 3;
  const lower = Math.max(4, l.paneHeight - editorHeight);
  const rightWidth = Math.max(36, Math.round(l.width * 0.42));
  const leftWidth = l.width - rightWidth;
  const plan = w.plan;
  const nodes = useMemo(() => (plan ? visibleNodes(plan.tree, w.collapsed) : []), [plan, w.collapsed]);
  const lines = useMemo(() => (plan ? planLines(plan.tree, nodes, w.metric, w.collapsed) : []), [plan, nodes, w.metric, w.collapsed]);
  const planRows = Math.max(1, lower - 5);
  const cursor = Math.max(0, nodes.findIndex((n) => n.id === w.node));
  const startRef = useRef(0);
  const start = windowStart(lines.length, cursor, planRows, startRef.current);
  startRef.current = start;

  // the editor window follows the cursor row
  const eStart = Math.max(0, Math.min(w.editor.row - editorRows + 1, w.editor.lines.length - editorRows));
  const editing = w.focus === 'editor' && w.snippets === null;
  const editorLines = w.editor.lines.slice(eStart, eStart + editorRows).map((text, i): Line => {
    const row = eStart + i;
    if (!editing || row !== w.editor.row) return [seg(text || ' ')];
    const ch = [...text];
    return [seg(ch.slice(0, w.editor.col).join('')), seg(ch[w.editor.col] ?? ' ', 'selection', true), seg(ch.slice(w.editor.col + 1).join(''))];
  });

  let left: Line[];
  if (w.snippets !== null) {
    left = [[seg('Snippets (Enter loads, Esc closes)', 'title', true)], ...app.workbench.snippets().map((s, i): Line => [seg(`${i === w.snippets ? '▶ ' : '  '}${s.name.padEnd(18)}`, i === w.snippets ? 'accent' : undefined, i === w.snippets), seg(s.title, 'muted')])];
  } else if (w.error) {
    left = [[seg('Error', 'danger', true)], [seg(w.error.text, 'danger')], ...(w.error.at ? caretLines(w.error.at).map((t): Line => [seg(t)]) : [])];
  } else if (!plan) {
    left = [[seg(w.busy ? `${w.busy}…` : 'Press i (or Enter) and type a statement above. F6 explains it (EXPLAIN ANALYZE, read-only; writes are rolled back), F5 runs it, F2 picks a snippet.', 'muted')]];
  } else {
    const banner = !plan.sql ? `saved plan${plan.tree.analyzed ? '' : ' (estimates only)'}, not run here`
      : plan.mode === 'analyzed-rolled-back' ? 'ROLLED BACK — no data changed' : plan.mode === 'estimate' ? 'estimated plan (not executed)' : 'EXPLAIN ANALYZE, read-only';
    left = [
      [seg(headerLine(plan.tree), 'title', true)],
      [seg(banner, plan.mode === 'analyzed-rolled-back' ? 'warn' : 'muted', true), seg(`${plan.notes.length ? ` · ${plan.notes[0]}` : ''}${plan.tree.overheadMs !== undefined ? ` · overhead ${fmtMs(plan.tree.overheadMs)}` : ''} · bar: ${w.metric}`, 'muted')],
      [seg(w.view === 'tree' ? PLAN_HEADER : w.view === 'stats' ? `Stats: Σ exclusive ${plan.tree.analyzed ? 'time' : 'cost'} (t: raw JSON)` : `Raw JSON at node ${w.node} (j/k follow the node, y copies the plan, t: tree)`, 'muted')],
    ];
  }
  let body: Line[] = [];
  if (plan && w.snippets === null && !w.error) {
    if (w.view === 'stats') body = statsViewLines(plan.tree).slice(0, planRows);
    else if (w.view === 'raw') body = rawViewWindow(plan.tree, w.node, planRows);
  }

  let right: Line[] = [];
  if (plan && w.compare) right = compareLines(w.compare);
  else if (plan) {
    right.push([seg(`Insights (${plan.insights.length}, ranked by time saved)`, 'title', true)]);
    const iRows = Math.max(1, Math.floor((lower - 4) / 2));
    const iStart = windowStart(plan.insights.length, w.insight, iRows, 0);
    plan.insights.slice(iStart, iStart + iRows).forEach((x, k) => {
      const i = iStart + k;
      right.push([seg(i === w.insight && w.focus === 'insights' ? '▶' : ' '), seg(` ${x.severity.padEnd(4)} `, SEV_TONE[x.severity], true), seg(`${fmtMs(x.impactMs).padStart(8)} `), seg(`${x.id}: ${x.message}`)]);
    });
    const sel = plan.insights[w.insight];
    if (sel) right.push([seg('→ ', 'muted'), seg(sel.action, 'accent')], ...(sel.sql && !sel.action.includes(sel.sql) ? [[seg(sel.sql, 'accent')]] : []));
    right.push([seg('─'.repeat(rightWidth - 4), 'muted')]);
    const n = plan.tree.nodes[w.node - 1];
    if (n) right.push(...nodeDetail(n, plan.tree));
  }

  const focusColor = (f: boolean) => colorOf(theme, f ? 'borderFocus' : 'border');
  return (
    <Box flexDirection="column" width={l.width} height={l.paneHeight}>
      <Box flexDirection="column" width={l.width} height={editorHeight} borderStyle="round" borderColor={focusColor(editing)} paddingX={1}>
        <Text wrap="truncate" color={colorOf(theme, 'muted')}>
          {`SQL${w.busy ? ` · ${w.busy}…` : ''} · F6 explain · F5 run · ${editing ? 'Ctrl+P/N history · F2 snippets · F4 $EDITOR · Esc leaves the editor' : 'i or Enter edits · s snippets'}`}
        </Text>
        {editorLines.map((line, i) => <StyledLine key={i} line={line} width={l.width - 4} />)}
      </Box>
      <Box flexDirection="row" width={l.width} height={lower}>
        <Box flexDirection="column" width={leftWidth} height={lower} borderStyle="round" borderColor={focusColor(w.focus === 'plan')} paddingX={1}>
          {left.map((line, i) => <StyledLine key={`h${i}`} line={line} width={leftWidth - 4} />)}
          {body.map((line, i) => <StyledLine key={`b${i}`} line={line} width={leftWidth - 4} />)}
          {plan && w.snippets === null && !w.error && w.view === 'tree' ? lines.slice(start, start + planRows).map((line, i) => <StyledLine key={start + i} line={line} width={leftWidth - 4} inverse={start + i === cursor && w.focus === 'plan'} />) : null}
        </Box>
        <Box flexDirection="column" width={rightWidth} height={lower} borderStyle="round" borderColor={focusColor(w.focus === 'insights')} paddingX={1}>
          {plan ? <Text wrap="truncate" color={colorOf(theme, 'muted')}>v plan/insights · Enter jump/fold · w try it · y copy · b bar · t view · i edit</Text> : null}
          {right.slice(0, lower - 3).map((line, i) => <StyledLine key={i} line={line} width={rightWidth - 4} />)}
        </Box>
      </Box>
    </Box>
  );
}
