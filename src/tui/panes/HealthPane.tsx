import { Box, Text } from 'ink';
import { useMemo, useRef } from 'react';
import { clip, ms, pct } from '../../core/perf/format.js';
import { useAppState } from '../AppContext.js';
import { highlightSql } from '../browser/highlight.js';
import { blank, humanBytes, plain, seg, type Line } from '../browser/lines.js';
import { windowStart } from '../browser/visible-rows.js';
import { StyledLine } from '../components/StyledLine.js';
import { HEALTH_TABS, type HealthState } from '../health/health-state.js';
import { adviceRows, dashboardRows, lockTree, sparkline, type AdviceRow } from '../health/rows.js';
import type { Layout } from '../layout.js';
import { colorOf, useTheme } from '../theme/ThemeContext.js';
import type { Theme } from '../theme/theme.js';

const TAB_TITLES = { dashboard: 'Dashboard', queries: 'Queries', advice: 'Advice' } as const;

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (const word of para.split(/\s+/)) {
      if (cur && cur.length + 1 + word.length > width) { out.push(cur); cur = word; } else cur = cur ? `${cur} ${word}` : word;
    }
    out.push(cur);
  }
  return out;
}

/** The dashboard as lines: header figures, the longest queries (selectable), the lock tree, the largest tables with growth. */
function dashboardLines(h: HealthState, height: number, width: number): { lines: Line[]; selectedLine: number } {
  const d = h.dashboard;
  if (!d) return { lines: [plain(h.error ?? 'reading sessions and sizes…')], selectedLine: -1 };
  const lines: Line[] = [];
  const c = d.activity?.connections;
  if (c) {
    lines.push([seg('connections ', 'muted'), seg(`${c.total}/${c.max}`, c.total >= c.max * 0.8 ? 'danger' : undefined, true), seg(`  ${c.byState.map((s) => `${s.state} ${s.count}`).join(' · ')}`), ...(c.idleInTransaction ? [seg(`  ${c.idleInTransaction} idle in transaction`, 'warn')] : [])]);
  }
  if (d.cacheHit) {
    const low = (r?: number) => (r !== undefined && r < 0.99 ? 'warn' : 'ok');
    lines.push([seg('cache hit   ', 'muted'), seg('db '), seg(pct(d.cacheHit.database), low(d.cacheHit.database)), seg('  tables '), seg(pct(d.cacheHit.tables), low(d.cacheHit.tables)), seg('  indexes '), seg(pct(d.cacheHit.indexes), low(d.cacheHit.indexes)), seg('   (aim ≥ 99 %)', 'muted')]);
  }
  for (const n of d.notes) lines.push([seg(n, 'muted')]);
  const active = dashboardRows(d);
  const locks = d.activity ? lockTree(d.activity.blocking) : [];
  const tableRows = Math.min(d.tables.length, Math.max(3, Math.floor(height / 3)));
  const lockRows = Math.min(locks.length, 5);
  const activeRoom = Math.max(1, height - lines.length - tableRows - lockRows - 4);
  lines.push(blank, [seg(`Running queries (${active.length}) · c cancels the selected one · Enter opens it in the Workbench`, 'title', true)]);
  let selectedLine = -1;
  if (!active.length) lines.push([seg(d.activity ? '  none running' : '  needs a server', 'muted')]);
  const start = Math.max(0, Math.min(h.cursor.dashboard - activeRoom + 1, active.length - activeRoom));
  active.slice(start, start + activeRoom).forEach((q, i) => {
    if (start + i === h.cursor.dashboard) selectedLine = lines.length;
    const slow = q.seconds >= 60 ? 'danger' : q.seconds >= 5 ? 'warn' : undefined;
    lines.push([seg(`${String(q.pid).padStart(7)} `, 'muted'), seg(`${q.seconds.toFixed(1).padStart(7)} s `, slow, !!slow), seg(`${q.state.padEnd(20).slice(0, 20)} `), seg(`${(q.waitEvent ?? '').padEnd(16).slice(0, 16)} `, 'muted'), seg(clip(q.query, width))]);
  });
  if (locks.length) {
    lines.push([seg(`Locks (${d.activity!.blocking.length} waiting)`, 'title', true)]);
    for (const l of locks.slice(0, lockRows)) lines.push([seg(`  ${l}`, l.startsWith('pid') ? 'danger' : undefined)]);
  }
  lines.push([seg('Largest tables · growth while the pane is open', 'title', true)]);
  const nameWidth = Math.min(40, Math.max(...d.tables.map((t) => t.name.length), 8));
  for (const t of d.tables.slice(0, tableRows)) {
    lines.push([seg(`  ${t.name.padEnd(nameWidth)} `), seg(`${humanBytes(t.totalBytes).padStart(8)} `, undefined, true), seg(`${sparkline(h.growth[t.name] ?? [], 20).padEnd(20)} `, 'accent'), seg(`${Math.round(t.rows).toLocaleString('en-US').padStart(12)} rows`, 'muted'), ...(t.bloatBytes ? [seg(`  ~${humanBytes(t.bloatBytes)} bloat`, t.bloatBytes > t.bytes * 0.3 ? 'warn' : 'muted')] : [])]);
  }
  return { lines, selectedLine };
}

function queryDetail(h: HealthState, width: number, theme: Theme): Line[] {
  const q = h.queries?.[h.cursor.queries];
  if (!q) return [plain(h.queriesNote ?? 'no statements yet')];
  const lines: Line[] = [
    [seg(`${q.calls} calls · ${ms(q.totalMs)} total · ${ms(q.meanMs)} mean · ${ms(q.maxMs)} max`, 'title', true)],
    [seg(`rows ${q.rows ?? '—'}${q.rows !== undefined ? ` (${(q.rows / Math.max(1, q.calls)).toFixed(1)} per call)` : ''} · shared blocks read ${q.sharedBlocksRead ?? '—'}`, 'muted')],
    [seg(`fingerprint ${q.fingerprint}${q.queryId ? ` · queryid ${q.queryId}` : ''}`, 'muted')],
    blank,
  ];
  for (const l of q.query.split('\n')) for (const piece of wrap(l, width)) lines.push([seg(highlightSql(piece, theme))]);
  lines.push(blank, [seg('Enter opens it in the Workbench with its plan · y copies', 'muted')]);
  return lines;
}

function adviceLabel(r: AdviceRow): Line {
  if (r.kind === 'index') return [seg(r.item.verified ? ' ✓ ' : ' ? ', r.item.verified ? 'ok' : 'warn', true), seg(`index ${r.item.table} (${r.item.columns.join(', ')})`)];
  return [seg(' N ', 'danger', true), seg(`${r.item.executions}× ${clip(r.item.query, 60)}`)];
}

function adviceDetail(r: AdviceRow | undefined, h: HealthState, width: number, theme: Theme): Line[] {
  const notes = (h.advice?.notes ?? []).flatMap((n) => wrap(n, width).map((l) => [seg(l, 'muted')]));
  if (!r) return [plain(h.advice ? 'no index advice and no N+1 bursts' : 'r asks the planner'), blank, ...notes];
  if (r.kind === 'index') {
    const a = r.item;
    return [
      [seg(a.verified ? 'verified with HypoPG' : 'UNVERIFIED (heuristic)', a.verified ? 'ok' : 'warn', true), ...(a.costBefore !== undefined ? [seg(`  cost ${a.costBefore} → ${a.costAfter}`)] : [])],
      blank, ...wrap(a.reason, width).map(plain), blank,
      [seg('y copies', 'muted')], ...wrap(a.sql, width).map((l) => [seg(highlightSql(l, theme))]), blank, ...notes,
    ];
  }
  const n = r.item;
  return [
    [seg(`N+1: ${n.executions} executions in ${n.bursts} burst${n.bursts === 1 ? '' : 's'} (largest ${n.maxBurst}, ${ms(n.totalMs)})`, 'danger', true)],
    [seg(`session ${n.session}`, 'muted')], blank,
    [seg('repeated', 'muted', true)], ...wrap(n.query, width).map((l) => [seg(highlightSql(l, theme))]),
    [seg('after', 'muted', true)], ...wrap(n.after, width).map((l) => [seg(highlightSql(l, theme))]),
    ...(n.exampleParams.length ? [[seg(`parameters ${n.exampleParams.slice(0, 3).join(', ')}`, 'muted')]] : []),
    blank, [seg('fix (y copies)', 'muted', true)], ...wrap(n.fix, width).map(plain),
  ];
}

/** Health: a live dashboard, the top statements and the advice, as tabs. */
export function HealthPane({ l }: { l: Layout }) {
  const theme = useTheme();
  const h = useAppState((s) => s.health);
  const startRef = useRef(0);
  const tabs: Line = HEALTH_TABS.flatMap((t, i) => [seg(i ? ' · ' : '', 'muted'), seg(TAB_TITLES[t], t === h.tab ? 'title' : 'muted', t === h.tab)]);
  const status = h.busy ? `reading ${h.busy}…` : h.error ? h.error : h.dashboard && h.tab === 'dashboard' ? `updated ${new Date(h.dashboard.at).toLocaleTimeString('en-GB')}` : '';
  const header: Line = [...tabs, seg('   [ ] tabs · r refresh', 'muted'), seg(status ? `   ${status}` : '', h.error ? 'danger' : 'muted')];
  const inner = l.width - 4;
  const rows = useMemo(() => (h.tab === 'advice' && h.advice ? adviceRows(h.advice) : []), [h.tab, h.advice]);

  if (h.tab === 'dashboard') {
    const { lines, selectedLine } = dashboardLines(h, l.paneHeight - 3, inner - 60);
    return (
      <Box flexDirection="column" height={l.paneHeight} width={l.width} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
        <StyledLine line={header} width={inner} />
        {lines.slice(0, l.paneHeight - 3).map((line, i) => <StyledLine key={i} line={line} width={inner} inverse={i === selectedLine} />)}
      </Box>
    );
  }

  const count = h.tab === 'queries' ? h.queries?.length ?? 0 : rows.length;
  const cursor = h.cursor[h.tab];
  const listRows = l.listRows - 1;
  const start = windowStart(count, cursor, listRows, startRef.current);
  startRef.current = start;
  let list: Line[];
  if (h.tab === 'queries') {
    list = (h.queries ?? []).slice(start, start + listRows).map((q) => [seg(`${ms(h.queriesOrder === 'mean' ? q.meanMs : q.totalMs).padStart(9)} `, 'accent'), seg(`${String(q.calls).padStart(7)} `, 'muted'), seg(clip(q.query, l.listWidth))]);
  } else list = rows.slice(start, start + listRows).map(adviceLabel);
  const title = h.tab === 'queries' ? `Top statements by ${h.queriesOrder} (s sorts)` : `Advice${h.advice ? ` · ${h.advice.index.length} index, ${h.advice.nPlusOne.length} N+1` : ''}${h.logPath ? ` · log ${h.logPath}` : ''}`;
  const empty = h.tab === 'queries' ? (h.queries && !h.queries.length ? h.queriesNote ?? 'no statements recorded yet' : !h.queries ? 'reading pg_stat_statements…' : undefined)
    : !h.advice ? (h.busy === 'advice' ? 'asking the planner…' : 'r asks the planner for index advice') : !rows.length ? 'no index advice and no N+1 bursts' : undefined;
  const detail = h.tab === 'queries' ? queryDetail(h, l.detailWidth - 4, theme) : adviceDetail(rows[cursor], h, l.detailWidth - 4, theme);
  return (
    <Box flexDirection="column" height={l.paneHeight} width={l.width}>
      <Box paddingX={1}><StyledLine line={header} width={inner} /></Box>
      <Box flexDirection="row" height={l.paneHeight - 1} width={l.width}>
        <Box flexDirection="column" width={l.listWidth} height={l.paneHeight - 1} borderStyle="round" borderColor={colorOf(theme, 'borderFocus')} paddingX={1}>
          <Text bold color={colorOf(theme, 'title')} wrap="truncate">{title}</Text>
          {h.logDraft !== null ? <Text wrap="truncate">log: {h.logDraft}▏ (Enter reads it, Esc cancels)</Text> : null}
          {empty ? <Text color={colorOf(theme, 'muted')} wrap="wrap">{empty}</Text> : list.map((line, i) => <StyledLine key={start + i} line={line} width={l.listWidth - 4} inverse={start + i === cursor} />)}
        </Box>
        <Box flexDirection="column" width={l.detailWidth} height={l.paneHeight - 1} borderStyle="round" borderColor={colorOf(theme, 'border')} paddingX={1}>
          {detail.slice(0, l.detailRows + 1).map((line, i) => <StyledLine key={i} line={line} width={l.detailWidth - 4} />)}
        </Box>
      </Box>
    </Box>
  );
}
