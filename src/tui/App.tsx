import { Box } from 'ink';
import { useEffect } from 'react';
import { useAppState, useController } from './AppContext.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { ConfirmOverlay } from './components/ConfirmOverlay.js';
import { ConnectionsOverlay } from './components/ConnectionsOverlay.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { MessageLine } from './components/MessageLine.js';
import { ResultView } from './components/ResultView.js';
import { StatusBar } from './components/StatusBar.js';
import { TabBar } from './components/TabBar.js';
import { TooSmall } from './components/TooSmall.js';
import { useKeyDispatcher } from './keys/use-key-dispatcher.js';
import { layout } from './layout.js';
import { BrowserPane } from './panes/BrowserPane.js';
import { ChecklistPane } from './panes/ChecklistPane.js';
import { WizardPane } from './panes/WizardPane.js';
import { HealthPane } from './panes/HealthPane.js';
import { WorkbenchPane } from './panes/WorkbenchPane.js';
import { DiffView } from './panes/DiffView.js';
import { useTerminalSize } from './terminal/TerminalSize.js';

/** Switches layouts only; state lives in the controller's store, keys in the dispatcher. */
export function App() {
  const app = useController();
  // keys are read here, above the error boundary, so q still works if a view fails
  useKeyDispatcher(app);
  const pane = useAppState((s) => s.pane);
  const overlay = useAppState((s) => s.overlay?.kind);
  return (
    <ErrorBoundary resetKey={`${pane}:${overlay}`} debug={!!app.services.env.TW_DEBUG}>
      <Shell />
    </ErrorBoundary>
  );
}

function Shell() {
  const app = useController();
  const size = useTerminalSize();
  app.size = size;
  useEffect(() => {
    app.size = size;
  }, [app, size]);
  const l = layout(size);
  const pane = useAppState((s) => s.pane);
  const overlay = useAppState((s) => s.overlay?.kind);
  const resultOpen = useAppState((s) => s.resultOpen && !!s.result);
  const diffOpen = useAppState((s) => s.diff.open);
  if (l.tooSmall) return <TooSmall columns={size.columns} rows={size.rows} />;

  let body;
  if (overlay === 'confirm') body = <ConfirmOverlay width={l.width} />;
  else if (overlay === 'help') body = <HelpOverlay width={l.width} height={l.paneHeight} />;
  else if (overlay === 'connections') body = <ConnectionsOverlay width={l.width} height={l.paneHeight} />;
  else if (resultOpen) body = <ResultView width={l.width} height={l.paneHeight} />;
  else if (diffOpen) body = <DiffView l={l} />;
  else if (pane === 'browser') body = <BrowserPane l={l} />;
  else if (pane === 'checklist') body = <ChecklistPane l={l} />;
  else if (pane === 'wizard') body = <WizardPane l={l} />;
  else if (pane === 'health') body = <HealthPane l={l} />;
  else body = <WorkbenchPane l={l} />;

  return (
    <Box flexDirection="column" width={l.width} height={l.height}>
      <TabBar width={l.width} />
      {/* vertical clipping only: every line is already cut to width, and a horizontal clip re-slices each ANSI line per frame (~10 % of a keystroke) */}
      <Box height={l.paneHeight} width={l.width} flexDirection="column" overflowY="hidden">
        <ErrorBoundary resetKey={`${pane}:${overlay}:${resultOpen}`} debug={!!app.services.env.TW_DEBUG}>{body}</ErrorBoundary>
      </Box>
      <StatusBar width={l.width} />
      <MessageLine width={l.width} />
    </Box>
  );
}
