import { commonPrefix, complete, type CompletionSource } from '../../commands/complete.js';
import type { PromptHistory } from '../../commands/user-config.js';
import type { AppState, PromptState } from './app-state.js';
import type { Store } from './store.js';

/** Line editing for the `:` command line: cursor, history, Tab completion. */
export class PromptActions {
  readonly #store: Store<AppState>;
  readonly #history: PromptHistory;
  readonly #source: CompletionSource;

  constructor(store: Store<AppState>, history: PromptHistory, source: CompletionSource) {
    this.#store = store;
    this.#history = history;
    this.#source = source;
  }

  get #p(): PromptState {
    return this.#store.get().prompt;
  }

  #patch(p: Partial<PromptState>, keepCompletion = false): void {
    this.#store.set((s) => ({ prompt: { ...s.prompt, ...(keepCompletion ? {} : { completion: undefined }), ...p } }));
  }

  open(initial?: string): void {
    // the text of a closed prompt is kept: Esc is not "lose what I typed"
    const text = initial ?? this.#p.text;
    this.#patch({ open: true, text, cursor: [...text].length, historyIndex: null });
  }

  close(): void {
    this.#patch({ open: false });
  }

  insert(text: string): void {
    const chars = [...this.#p.text];
    const ins = [...text.replace(/\r\n?|\n/g, ' ')];
    chars.splice(this.#p.cursor, 0, ...ins);
    this.#patch({ text: chars.join(''), cursor: this.#p.cursor + ins.length, historyIndex: null });
  }

  backspace(): void {
    if (this.#p.cursor === 0) {
      if (!this.#p.text) this.close();
      return;
    }
    const chars = [...this.#p.text];
    chars.splice(this.#p.cursor - 1, 1);
    this.#patch({ text: chars.join(''), cursor: this.#p.cursor - 1 });
  }

  deleteForward(): void {
    const chars = [...this.#p.text];
    chars.splice(this.#p.cursor, 1);
    this.#patch({ text: chars.join('') });
  }

  deleteWord(): void {
    const chars = [...this.#p.text];
    let i = this.#p.cursor;
    while (i > 0 && chars[i - 1] === ' ') i--;
    while (i > 0 && chars[i - 1] !== ' ') i--;
    chars.splice(i, this.#p.cursor - i);
    this.#patch({ text: chars.join(''), cursor: i });
  }

  clear(): void {
    this.#patch({ text: '', cursor: 0, historyIndex: null });
  }

  moveCursor(to: 'left' | 'right' | 'home' | 'end'): void {
    const n = [...this.#p.text].length;
    const c = this.#p.cursor;
    this.#patch({ cursor: to === 'home' ? 0 : to === 'end' ? n : Math.max(0, Math.min(n, c + (to === 'left' ? -1 : 1))) });
  }

  history(dir: -1 | 1): void {
    const entries = this.#history.entries;
    if (!entries.length) return;
    const p = this.#p;
    const cur = p.historyIndex ?? entries.length;
    const next = Math.max(0, Math.min(entries.length, cur + dir));
    if (next === cur) return;
    const text = next === entries.length ? p.draft : entries[next]!;
    this.#patch({ historyIndex: next === entries.length ? null : next, text, cursor: [...text].length, draft: p.historyIndex === null ? p.text : p.draft });
  }

  /** Tab: insert the common prefix; if nothing is added, cycle through the candidates. */
  complete(): void {
    const p = this.#p;
    if (p.completion && p.completion.candidates.length > 1) {
      const index = (p.completion.index + 1) % p.completion.candidates.length;
      return this.#apply(p.completion.base, p.completion.start, p.completion.candidates[index]!, { ...p.completion, index });
    }
    const cursorOffset = [...p.text].slice(0, p.cursor).join('').length;
    const { start, candidates } = complete(p.text, cursorOffset, this.#source);
    // nothing to offer: leave the line as it is (the prompt hides the message line anyway)
    if (!candidates.length) return;
    const word = p.text.slice(start, cursorOffset);
    const prefix = commonPrefix(candidates);
    const base = p.text.slice(0, start) + p.text.slice(cursorOffset);
    if (candidates.length === 1) return this.#apply(base, start, `${candidates[0]!} `, undefined);
    if (prefix.length > word.length) return this.#apply(base, start, prefix, { start, candidates, index: -1, base });
    this.#apply(base, start, candidates[0]!, { start, candidates, index: 0, base });
  }

  #apply(base: string, start: number, insert: string, completion: PromptState['completion']): void {
    const text = base.slice(0, start) + insert + base.slice(start);
    this.#patch({ text, cursor: [...(base.slice(0, start) + insert)].length, completion });
  }

  /** Takes the line for running: records it in history and empties the prompt. */
  take(): string {
    const line = this.#p.text;
    this.#history.add(line);
    this.#patch({ text: '', cursor: 0, historyIndex: null, draft: '' });
    return line;
  }
}
