// the wait helpers below poll frames instead of wrapping writes in act(); silence React's act warnings
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

import { render } from 'ink-testing-library';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../src/cli/commands/index.js';
import { CONNECTION_OPTIONS } from '../../../src/cli/options.js';
import { PromptHistory } from '../../../src/commands/user-config.js';
import type { Connection } from '../../../src/core/db/connection.js';
import { resolveKeymap } from '../../../src/tui/keys/resolve-keymap.js';
import { Root } from '../../../src/tui/Root.js';
import { AppController, type AppServices } from '../../../src/tui/state/app-controller.js';
import type { Size } from '../../../src/tui/terminal/TerminalSize.js';
import { loadTheme } from '../../../src/tui/theme/theme.js';

export interface RenderedApp {
  app: AppController;
  lastFrame: () => string;
  frames: string[];
  /** one key per write: Ink delivers a multi-key write as one event (tui.md §5) */
  press: (...keys: string[]) => Promise<void>;
  type: (text: string) => Promise<void>;
  resize: (size: Size) => void;
  waitFor: (pred: (frame: string) => boolean, what: string, ms?: number) => Promise<string>;
  /** waits for a condition on the app state, then for the frame to settle */
  until: (pred: () => boolean, what: string, ms?: number) => Promise<void>;
  terminalWrites: string[];
  quits: () => number;
  unmount: () => void;
  configDir: string;
}

export const KEYS = {
  up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', esc: '\u001B', tab: '\t',
  shiftTab: '\u001B[Z', backspace: '\u007F', f1: '\u001BOP', pageDown: '\u001B[6~', pageUp: '\u001B[5~', ctrlC: '\u0003',
};

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Renders the whole app at an injected size on a real connection (or none, for shell-only tests). */
export function renderApp(opts: { conn?: Connection; size?: Size; keys?: Record<string, string | string[]>; env?: NodeJS.ProcessEnv; resolveSpec?: AppServices['resolveSpec'] } = {}): RenderedApp {
  const configDir = mkdtempSync(join(tmpdir(), 'tw-tui-conf-'));
  const env = { TW_CONFIG_DIR: configDir, ...(opts.env ?? {}) };
  const writes: string[] = [];
  let quitCount = 0;
  const services: AppServices = {
    env,
    grammar: { commands: COMMANDS, connectionOptions: CONNECTION_OPTIONS },
    history: new PromptHistory(env),
    keymap: resolveKeymap(opts.keys ?? {}),
    writeTerminal: (s) => void writes.push(s),
    quit: () => void quitCount++,
    suspend: () => {},
    editText: (text) => ({ text }),
    connections: () => ({}),
    resolveSpec: opts.resolveSpec ?? (() => { throw new Error('no switching in this test'); }),
  };
  const app = new AppController(services, opts.conn ? 'test database' : 'nothing');
  let size = opts.size ?? { columns: 100, rows: 30 };
  const { theme } = loadTheme('dark', {});
  const inst = render(<Root app={app} theme={theme} size={size} />);
  if (opts.conn) app.attach(opts.conn);
  const lastFrame = () => inst.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what: string, ms = 15000) => {
    const t0 = Date.now();
    for (;;) {
      const f = lastFrame();
      if (pred(f)) return f;
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const until = async (pred: () => boolean, what: string, ms = 30000) => {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; last frame:\n${lastFrame()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 20));
  };
  return {
    app,
    until,
    lastFrame,
    frames: inst.frames,
    async press(...keys) {
      for (const k of keys) {
        inst.stdin.write(k);
        // a lone Esc is flushed by Ink on the next setImmediate
        await new Promise((r) => setImmediate(r));
        await tick();
        await tick();
      }
    },
    async type(text) {
      for (const ch of text) await this.press(ch);
    },
    resize(s) {
      size = s;
      inst.rerender(<Root app={app} theme={theme} size={size} />);
    },
    waitFor,
    terminalWrites: writes,
    quits: () => quitCount,
    unmount: () => {
      inst.unmount();
      rmSync(configDir, { recursive: true, force: true });
    },
    configDir,
  };
}
