import { readdirSync, readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { join } from 'node:path';

/** Semantic colour tokens; themes map them to Ink colours (names or #rrggbb). */
export type ThemeToken =
  | 'text' | 'muted' | 'accent' | 'title' | 'ok' | 'warn' | 'danger' | 'selection' | 'selectionText'
  | 'border' | 'borderFocus' | 'bar' | 'barText';

export interface Theme {
  name: string;
  /** no colours: selection by inverse video, no syntax highlighting */
  mono: boolean;
  colors: Partial<Record<ThemeToken, string>>;
}

/** themes/ at the package root (next to dist/ and src/) */
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');

export function listThemes(dir = THEMES_DIR): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/**
 * The theme to use: mono when NO_COLOR is set (no-color.org: any non-empty value), else the
 * configured one, else dark. A missing or broken theme file falls back with a problem to report.
 */
export function loadTheme(name: string | undefined, env: NodeJS.ProcessEnv, dir = THEMES_DIR): { theme: Theme; problem?: string } {
  const wanted = env.NO_COLOR ? 'mono' : (name ?? 'dark');
  try {
    const raw = JSON.parse(readFileSync(join(dir, `${wanted}.json`), 'utf8')) as { colors?: Record<string, string> };
    const colors = raw.colors ?? {};
    return { theme: { name: wanted, mono: Object.keys(colors).length === 0, colors } };
  } catch (err) {
    const fallback: Theme = { name: 'mono', mono: true, colors: {} };
    if (wanted === 'dark') return { theme: fallback, problem: `theme dark not found in ${dir}` };
    const dark = loadTheme('dark', {}, dir);
    return { theme: dark.theme, problem: `theme "${wanted}" not loaded (${(err as Error).message.split('\n')[0]}); using ${dark.theme.name}. Themes: ${listThemes(dir).join(', ')}` };
  }
}
