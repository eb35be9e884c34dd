import type { ReactNode } from 'react';
import { App } from './App.js';
import { ControllerProvider } from './AppContext.js';
import type { AppController } from './state/app-controller.js';
import { TerminalSizeProvider, type Size } from './terminal/TerminalSize.js';
import type { Theme } from './theme/theme.js';
import { ThemeProvider } from './theme/ThemeContext.js';

/** The provider stack: controller, theme, terminal size (injected in tests). */
export function Root({ app, theme, size, stdout, children }: { app: AppController; theme: Theme; size?: Size; stdout?: NodeJS.WriteStream; children?: ReactNode }) {
  return (
    <ControllerProvider value={app}>
      <ThemeProvider value={theme}>
        <TerminalSizeProvider size={size} stdout={stdout}>
          {children ?? <App />}
        </TerminalSizeProvider>
      </ThemeProvider>
    </ControllerProvider>
  );
}
