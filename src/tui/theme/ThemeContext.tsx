import { createContext, useContext } from 'react';
import type { Theme, ThemeToken } from './theme.js';

const ThemeCtx = createContext<Theme>({ name: 'mono', mono: true, colors: {} });

export const ThemeProvider = ThemeCtx.Provider;
export const useTheme = (): Theme => useContext(ThemeCtx);

/** The Ink colour of a token, or undefined to leave the terminal's default. */
export const colorOf = (t: Theme, token: ThemeToken | undefined): string | undefined => (token ? t.colors[token] : undefined);
