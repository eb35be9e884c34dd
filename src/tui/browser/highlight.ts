import type { Theme } from '../theme/theme.js';

type Highlight = (code: string, o: { language: string; ignoreIllegals: boolean }) => string;
let highlight: Highlight | undefined;
let loading: Promise<void> | undefined;

/**
 * cli-highlight (with highlight.js) costs ~80 ms to import: load it when the first DDL is
 * fetched, not at start-up. Resolves once `highlightSql` colours text.
 */
export function loadHighlighter(): Promise<void> {
  loading ??= import('cli-highlight').then((m) => { highlight = m.highlight as Highlight; }).catch(() => {});
  return loading;
}

const cache = new Map<string, string>();

/** SQL with ANSI colours (cli-highlight); plain in the mono theme or before the highlighter loaded. */
export const highlightSql = (sql: string, theme: Theme): string => highlightCode(sql, 'sql', theme);

/** Code in `language` (sql, python) with ANSI colours; plain in the mono theme or before the highlighter loaded. */
export function highlightCode(code: string, language: string, theme: Theme): string {
  if (theme.mono || !highlight) return code;
  const key = `${theme.name}\0${language}\0${code}`;
  let out = cache.get(key);
  if (out === undefined) {
    try {
      out = highlight(code, { language, ignoreIllegals: true });
    } catch {
      out = code;
    }
    if (cache.size > 200) cache.clear();
    cache.set(key, out);
  }
  return out;
}
