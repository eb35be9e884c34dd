/**
 * Every key binding, as data: the dispatcher resolves keys through it, the help overlay lists it,
 * and the config file (`keys` in config.json) overrides it by command id.
 */
export type Scope = 'global' | 'list' | 'browser' | 'checklist' | 'detail' | 'result' | 'prompt' | 'filter' | 'help';

export interface CommandSpec {
  id: string;
  scope: Scope;
  keys: string[];
  help: string;
}

export const DEFAULT_KEYMAP: readonly CommandSpec[] = [
  { id: 'app.help', scope: 'global', keys: ['f1', '?'], help: 'help for the focused pane' },
  { id: 'app.command', scope: 'global', keys: [':'], help: 'command line: commands, \\d meta-commands, SQL' },
  { id: 'app.quit', scope: 'global', keys: ['q', 'ctrl+q'], help: 'quit' },
  { id: 'app.interrupt', scope: 'global', keys: ['ctrl+c'], help: 'cancel the running statement; twice quits' },
  { id: 'pane.next', scope: 'global', keys: ['tab'], help: 'next pane' },
  { id: 'pane.prev', scope: 'global', keys: ['shift+tab'], help: 'previous pane' },
  { id: 'pane.1', scope: 'global', keys: ['1', 'alt+1'], help: 'Browser' },
  { id: 'pane.2', scope: 'global', keys: ['2', 'alt+2'], help: 'Workbench' },
  { id: 'pane.3', scope: 'global', keys: ['3', 'alt+3'], help: 'Wizard' },
  { id: 'pane.4', scope: 'global', keys: ['4', 'alt+4'], help: 'Checklist' },
  { id: 'pane.5', scope: 'global', keys: ['5', 'alt+5'], help: 'Health' },
  { id: 'app.connections', scope: 'global', keys: ['C'], help: 'switch connection' },
  { id: 'app.refresh', scope: 'global', keys: ['R', 'ctrl+r'], help: 're-read the schema snapshot' },
  { id: 'app.write', scope: 'global', keys: ['W'], help: 'toggle write mode (asks first on a server)' },
  { id: 'app.result', scope: 'global', keys: ['o'], help: 'show the last command-line result again' },
  { id: 'app.suspend', scope: 'global', keys: ['ctrl+z'], help: 'suspend to the shell (fg to return)' },

  { id: 'nav.down', scope: 'list', keys: ['j', 'down'], help: 'down' },
  { id: 'nav.up', scope: 'list', keys: ['k', 'up'], help: 'up' },
  { id: 'nav.pageDown', scope: 'list', keys: ['ctrl+d', 'pagedown', 'ctrl+f'], help: 'page down' },
  { id: 'nav.pageUp', scope: 'list', keys: ['ctrl+u', 'pageup', 'ctrl+b'], help: 'page up' },
  { id: 'nav.top', scope: 'list', keys: ['g', 'home'], help: 'first' },
  { id: 'nav.bottom', scope: 'list', keys: ['G', 'end'], help: 'last' },

  { id: 'browser.filter', scope: 'browser', keys: ['/'], help: 'filter the list (Esc clears)' },
  { id: 'browser.open', scope: 'browser', keys: ['enter'], help: 'schema: fold/unfold; object: focus its details; FK: jump to the table' },
  { id: 'browser.back', scope: 'browser', keys: ['esc'], help: 'back to the list / clear the filter' },
  { id: 'browser.nextTab', scope: 'browser', keys: [']'], help: 'next detail tab' },
  { id: 'browser.prevTab', scope: 'browser', keys: ['['], help: 'previous detail tab' },
  { id: 'browser.right', scope: 'browser', keys: ['l', 'right'], help: 'list: next detail tab · details: scroll right' },
  { id: 'browser.left', scope: 'browser', keys: ['h', 'left'], help: 'list: previous detail tab · details: scroll left' },
  { id: 'browser.copyName', scope: 'browser', keys: ['y'], help: 'copy the qualified name (OSC 52)' },
  { id: 'browser.copyDdl', scope: 'browser', keys: ['Y'], help: 'copy the DDL (OSC 52)' },
  { id: 'browser.editDdl', scope: 'browser', keys: ['e', 'f6'], help: 'open the DDL in $VISUAL / $EDITOR' },

  { id: 'checklist.open', scope: 'checklist', keys: ['enter'], help: 'show its table in the Browser' },
  { id: 'checklist.group', scope: 'checklist', keys: ['v'], help: 'group by severity/category/table' },
  { id: 'checklist.tab', scope: 'checklist', keys: ['m'], help: 'schema checklist ⇄ migrations' },
  { id: 'checklist.copyFix', scope: 'checklist', keys: ['y'], help: 'copy the fix SQL (OSC 52)' },
  { id: 'checklist.runFix', scope: 'checklist', keys: ['x'], help: 'run the fix (write mode, asks)' },
  { id: 'checklist.path', scope: 'checklist', keys: ['p'], help: 'migrations: file or dir to check' },

  { id: 'result.close', scope: 'result', keys: ['esc', 'q'], help: 'close the result' },
  { id: 'result.left', scope: 'result', keys: ['h', 'left'], help: 'scroll left' },
  { id: 'result.right', scope: 'result', keys: ['l', 'right'], help: 'scroll right' },

  { id: 'prompt.submit', scope: 'prompt', keys: ['enter', 'ctrl+j'], help: 'run the line' },
  { id: 'prompt.cancel', scope: 'prompt', keys: ['esc'], help: 'close the command line (the text is kept)' },
  { id: 'prompt.complete', scope: 'prompt', keys: ['tab'], help: 'complete command, option or table name' },
  { id: 'prompt.historyPrev', scope: 'prompt', keys: ['up', 'ctrl+p'], help: 'older history entry' },
  { id: 'prompt.historyNext', scope: 'prompt', keys: ['down', 'ctrl+n'], help: 'newer history entry' },
  { id: 'prompt.left', scope: 'prompt', keys: ['left', 'ctrl+b'], help: 'cursor left' },
  { id: 'prompt.right', scope: 'prompt', keys: ['right', 'ctrl+f'], help: 'cursor right' },
  { id: 'prompt.home', scope: 'prompt', keys: ['home', 'ctrl+a'], help: 'start of line' },
  { id: 'prompt.end', scope: 'prompt', keys: ['end', 'ctrl+e'], help: 'end of line' },
  { id: 'prompt.backspace', scope: 'prompt', keys: ['backspace'], help: 'delete before the cursor' },
  { id: 'prompt.delete', scope: 'prompt', keys: ['delete', 'ctrl+d'], help: 'delete under the cursor' },
  { id: 'prompt.clear', scope: 'prompt', keys: ['ctrl+u', 'ctrl+c'], help: 'clear the line' },
  { id: 'prompt.deleteWord', scope: 'prompt', keys: ['ctrl+w', 'alt+backspace'], help: 'delete the word before the cursor' },

  { id: 'filter.accept', scope: 'filter', keys: ['enter', 'down'], help: 'keep the filter, back to the list' },
  { id: 'filter.clear', scope: 'filter', keys: ['esc'], help: 'clear the filter' },
  { id: 'filter.backspace', scope: 'filter', keys: ['backspace'], help: 'delete a character' },

  { id: 'help.close', scope: 'help', keys: ['esc', 'q', '?', 'f1', 'enter'], help: 'close help' },
];
