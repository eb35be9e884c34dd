// The TUI's modules for the in-process benchmarks, bundled with the options of the shipped binary
// (scripts/bundle-options.mjs: production React, the dependency patches), so that keystroke figures
// are those of the code users run. Bundled into dist/bench-bundle/, where the externals resolve.
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const entry = `export { render } from 'ink';
export { default as React } from 'react';
export { Root } from '${root}dist/tui/Root.js';
export { AppController } from '${root}dist/tui/state/app-controller.js';
export { FrameWriter } from '${root}dist/tui/terminal/frame-writer.js';
export { resolveKeymap } from '${root}dist/tui/keys/resolve-keymap.js';
export { loadTheme } from '${root}dist/tui/theme/theme.js';
export { PromptHistory } from '${root}dist/commands/user-config.js';
export { COMMANDS } from '${root}dist/cli/commands/index.js';
export { CONNECTION_OPTIONS } from '${root}dist/cli/options.js';
export { resolveServer } from '${root}dist/core/db/conninfo/resolve.js';
export { openServer } from '${root}dist/core/db/server-connection.js';
`;

export async function loadTuiModules() {
  const outfile = `${root}dist/bench-bundle/tui.mjs`;
  await build({ ...bundleOptions, stdin: { contents: entry, resolveDir: root, loader: 'js' }, outfile });
  return import(`${outfile}?${Date.now()}`);
}
