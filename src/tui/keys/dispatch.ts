import type { AppController } from '../state/app-controller.js';
import { splitBurst, type Key } from './key.js';
import type { Scope } from './keymap.js';

/**
 * The one place keys are turned into actions. The state decides which scopes listen, innermost
 * first (overlay → prompt → filter → result → pane → global); the keymap decides what a key means.
 */
export function dispatchKey(app: AppController, key: Key): void {
  const s = app.store.get();
  const km = app.services.keymap;
  const o = s.overlay;

  if (o?.kind === 'confirm') {
    if (key.name === 'y' || key.name === 'Y') app.answer(true);
    else if (key.name === 'n' || key.name === 'N' || key.name === 'esc' || (key.ctrl && key.name === 'c')) app.answer(false);
    return;
  }

  if (s.prompt.open) {
    const id = km.lookup('prompt', key);
    if (id) return void promptCommand(app, id);
    if (key.text && !key.ctrl && !key.alt) {
      // typed faster than we read (or sent by tmux): "\\dt⏎" arrives as one chunk; its final
      // newline is Enter, newlines inside a paste become spaces on the one-line prompt
      const submit = key.name === 'paste' && key.text.endsWith('\n');
      app.prompt.insert(submit ? key.text.replace(/\n+$/, '') : key.text);
      if (submit) void app.submit();
    }
    return;
  }

  // the Workbench editor takes typing and pastes whole (newlines included), before bursts are split
  if (s.pane === 'workbench' && !(s.resultOpen && s.result) && !s.overlay && app.workbench.handleKey(key)) return;
  const keys = splitBurst(key);
  if (keys.length === 1) return navigationKey(app, key);
  // each key of a burst may change the mode (`:` opens the prompt, the rest is its text)
  for (const k of keys) dispatchKey(app, k);
}

function navigationKey(app: AppController, key: Key): void {
  const s = app.store.get();
  const km = app.services.keymap;

  if (s.overlay?.kind === 'help') {
    if (km.lookup('help', key)) return app.toggleHelp();
    const nav = km.lookup('list', key);
    if (nav === 'nav.down') app.scrollHelp(1);
    else if (nav === 'nav.up') app.scrollHelp(-1);
    else if (nav === 'nav.pageDown') app.scrollHelp(10);
    else if (nav === 'nav.pageUp') app.scrollHelp(-10);
    else if (nav === 'nav.top') app.scrollHelp(-1e6);
    return;
  }
  if (s.overlay?.kind === 'connections') {
    const nav = km.lookup('list', key);
    if (nav === 'nav.down') app.moveConnectionCursor(1);
    else if (nav === 'nav.up') app.moveConnectionCursor(-1);
    else if (key.name === 'enter') void app.chooseConnection();
    else if (key.name === 'esc' || key.name === 'q') app.store.set({ overlay: null });
    return;
  }

  if (s.pane === 'browser' && s.browser.filtering) {
    const id = km.lookup('filter', key);
    if (id === 'filter.accept') app.browser.endFilter(true);
    else if (id === 'filter.clear') app.browser.endFilter(false);
    else if (id === 'filter.backspace') app.browser.backspaceFilter();
    else if (key.text && !key.ctrl && !key.alt) app.browser.typeFilter(key.text);
    return;
  }

  if (s.diff.open && !(s.resultOpen && s.result) && app.diff.handleKey(key)) return;
  // the wizard reads its own keys (text fields, step keys); the ones it leaves go on to the global scope
  if (s.pane === 'wizard' && !(s.resultOpen && s.result) && app.wizard.handleKey(key)) return;
  if (s.pane === 'health' && !(s.resultOpen && s.result) && app.health.handleKey(key)) return;

  if (s.pane === 'checklist' && s.checklist.migrations.draft !== null && !s.resultOpen) {
    if (key.name === 'enter') app.checklist.endPath(true);
    else if (key.name === 'esc') app.checklist.endPath(false);
    else if (key.name === 'backspace') app.checklist.backspacePath();
    else if (key.text && !key.ctrl && !key.alt) app.checklist.typePath(key.text);
    return;
  }

  const scopes: Scope[] = [];
  if (s.resultOpen && s.result) scopes.push('result');
  else if (s.pane === 'browser') scopes.push('browser');
  else if (s.pane === 'checklist') scopes.push('checklist');
  else if (s.pane === 'workbench') scopes.push('workbench');
  scopes.push('list', 'global');
  for (const scope of scopes) {
    const id = km.lookup(scope, key);
    if (id && run(app, id)) return;
  }
}

/** Runs a command id; false when it does not apply here (so an outer scope may take the key). */
function run(app: AppController, id: string): boolean {
  const s = app.store.get();
  const inResult = s.resultOpen && !!s.result;
  const checklist = !inResult && s.pane === 'checklist';
  const page = app.layout.resultRows - 1;
  switch (id) {
    case 'app.help': app.toggleHelp(); return true;
    case 'app.command': app.prompt.open(); return true;
    case 'app.quit': app.quit(); return true;
    case 'app.interrupt': void app.interrupt(); return true;
    case 'pane.next': app.cyclePane(1); return true;
    case 'pane.prev': app.cyclePane(-1); return true;
    case 'app.connections': app.openConnections(); return true;
    case 'app.refresh': app.refresh(); return true;
    case 'app.write': void app.toggleWrite(); return true;
    case 'app.suspend': app.services.suspend(); return true;
    case 'app.result':
      if (!s.result) app.message('no result yet: run something with :', 'info');
      else app.store.set({ resultOpen: true });
      return true;
    case 'result.close': app.store.set({ resultOpen: false }); return true;
    case 'result.left': app.scrollResult(0, -8); return true;
    case 'result.right': app.scrollResult(0, 8); return true;
    case 'result.copyCell': app.results.copy('cell'); return true;
    case 'result.copyCsv': app.results.copy('csv'); return true;
    case 'result.copyJson': app.results.copy('json'); return true;
    case 'result.export': app.results.startExport(); return true;
    case 'nav.down': inResult ? app.scrollResult(1) : checklist ? app.checklist.move(1) : app.browser.move(1); return true;
    case 'nav.up': inResult ? app.scrollResult(-1) : checklist ? app.checklist.move(-1) : app.browser.move(-1); return true;
    case 'nav.pageDown': inResult ? app.scrollResult(page) : checklist ? app.checklist.page(1) : app.browser.page(1); return true;
    case 'nav.pageUp': inResult ? app.scrollResult(-page) : checklist ? app.checklist.page(-1) : app.browser.page(-1); return true;
    case 'nav.top': inResult ? app.scrollResult(-1e9) : checklist ? app.checklist.move(-1e9) : app.browser.moveTo('top'); return true;
    case 'nav.bottom': inResult ? app.scrollResult(1e9) : checklist ? app.checklist.move(1e9) : app.browser.moveTo('bottom'); return true;
    case 'checklist.open': return app.checklist.open();
    case 'checklist.group': app.checklist.cycleGroup(); return true;
    case 'checklist.tab': app.checklist.switchTab(); return true;
    case 'checklist.copyFix': app.checklist.copyFix(); return true;
    case 'checklist.runFix': void app.checklist.runFix(); return true;
    case 'checklist.path':
      if (s.checklist.tab !== 'migrations') app.checklist.switchTab();
      app.checklist.startPath();
      return true;
    case 'browser.filter': app.browser.startFilter(); return true;
    case 'browser.open': app.browser.open(); return true;
    case 'browser.back':
      if (s.browser.focus === 'list' && !s.browser.filter) return false;
      app.browser.back();
      return true;
    case 'browser.nextTab': app.browser.switchTab(1); return true;
    case 'browser.prevTab': app.browser.switchTab(-1); return true;
    case 'browser.right': app.browser.horizontal(1); return true;
    case 'browser.left': app.browser.horizontal(-1); return true;
    case 'browser.copyName': app.objects.copyName(); return true;
    case 'browser.copyDdl': void app.objects.copyDdl(); return true;
    case 'browser.editDdl': void app.objects.editDdl(); return true;
    case 'browser.exportModels': app.prompt.open('reflect --output ./models'); return true;
  }
  if (id.startsWith('workbench.')) {
    if (id === 'workbench.closeCompare' && !s.workbench.compare) return false;
    void app.workbench.command(id);
    return true;
  }
  if (id.startsWith('pane.')) {
    app.switchPane(Number(id.slice(5)) - 1);
    return true;
  }
  return false;
}

function promptCommand(app: AppController, id: string): void {
  const p = app.prompt;
  switch (id) {
    case 'prompt.submit': void app.submit(); break;
    case 'prompt.cancel': p.close(); break;
    case 'prompt.complete': p.complete(); break;
    case 'prompt.historyPrev': p.history(-1); break;
    case 'prompt.historyNext': p.history(1); break;
    case 'prompt.left': p.moveCursor('left'); break;
    case 'prompt.right': p.moveCursor('right'); break;
    case 'prompt.home': p.moveCursor('home'); break;
    case 'prompt.end': p.moveCursor('end'); break;
    case 'prompt.backspace': p.backspace(); break;
    case 'prompt.delete': p.deleteForward(); break;
    case 'prompt.clear': p.clear(); break;
    case 'prompt.deleteWord': p.deleteWord(); break;
  }
}
