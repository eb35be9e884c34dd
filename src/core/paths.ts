import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The user's cache directory for Tablewright (XDG on Linux, Library/Caches on macOS). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TW_CACHE_DIR) return env.TW_CACHE_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'tablewright');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'tablewright', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tablewright');
}

/** The user's config directory (`~/.config/tablewright` on Linux). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TW_CONFIG_DIR) return env.TW_CONFIG_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'tablewright');
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'tablewright', 'Config');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'tablewright');
}

export const demoDir = (env: NodeJS.ProcessEnv = process.env): string => join(cacheDir(env), 'demo');

/** A path typed at the prompt: `~/` is the home directory (no shell expanded it), the rest is from the working directory. */
export const userPath = (p: string): string => resolve(p.replace(/^~(?=\/|$)/, homedir()));
