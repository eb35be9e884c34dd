import type { Key } from '../keys/key.js';
import type { Keymap } from '../keys/resolve-keymap.js';
import type { WizardActions } from './wizard-actions.js';

/**
 * The Wizard pane's keys: an open text line takes every key but Tab; otherwise the keymap's wizard
 * scope, then list movement. False when the key is not the wizard's, so the global scope gets it.
 */
export function wizardKey(w: WizardActions, km: Keymap, key: Key): boolean {
  const e = w.state.edit;
  if (e) {
    // Tab completes in a column or reference line; elsewhere it still changes panes (the text is kept)
    if (key.name === 'tab' && !key.shift && ['addColumn', 'editColumn', 'addFk'].includes(e.kind)) {
      w.complete();
      return true;
    }
    if (key.name === 'tab') return false;
    if (key.name === 'enter') w.commitEdit();
    else if (key.name === 'esc' || (key.ctrl && key.name === 'c')) w.cancelEdit();
    else if (key.name === 'backspace') w.editText((t) => [...t].slice(0, -1).join(''));
    else if (key.ctrl && key.name === 'u') w.editText(() => '');
    else if (key.text && !key.ctrl && !key.alt) w.editText((t) => t + key.text!.replace(/\n/g, ' '));
    return true;
  }
  const id = km.lookup('wizard', key) ?? km.lookup('list', key);
  switch (id) {
    case 'nav.down': w.move(1); return true;
    case 'nav.up': w.move(-1); return true;
    case 'nav.top': w.move(-1e9); return true;
    case 'nav.bottom': w.move(1e9); return true;
    case 'wizard.nextStep': w.goStep(1); return true;
    case 'wizard.prevStep': w.goStep(-1); return true;
    case 'wizard.edit': w.activate(); return true;
    case 'wizard.toggle': w.activate(true); return true;
    case 'wizard.add': w.add(); return true;
    case 'wizard.delete': w.remove(); return true;
    case 'wizard.nullable': w.toggleColumn('nullable'); return true;
    case 'wizard.unique': w.toggleColumn('unique'); return true;
    case 'wizard.fkIndex': w.toggleFkIndex(); return true;
    case 'wizard.fix': void w.fix(false); return true;
    case 'wizard.fixAll': void w.fix(true); return true;
    case 'wizard.previewNext': w.previewTab(1); return true;
    case 'wizard.previewPrev': w.previewTab(-1); return true;
    case 'wizard.previewDown': w.scrollPreview(5); return true;
    case 'wizard.previewUp': w.scrollPreview(-5); return true;
    case 'wizard.write': void w.write(); return true;
    case 'wizard.apply': void w.apply(); return true;
    case 'wizard.new': void w.discard(); return true;
  }
  return false;
}
