import type Conf from 'conf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../core/paths.js';
import { parseConnString } from '../core/db/conninfo/url.js';

/** What the user may set in ~/.config/tablewright/config.json (besides what the app remembers). */
export interface UserConfig {
  /** theme file name in themes/ without .json: dark, light, mono */
  theme?: string;
  /** command id → key or keys, e.g. { "app.quit": ["q", "ctrl+q"] } */
  keys?: Record<string, string | string[]>;
  /** saved connections: name → conninfo (URL or keyword string) without a password */
  connections?: Record<string, string>;
  /** last connection used, by saved name */
  lastConnection?: string;
}

export interface History {
  entries: string[];
}

const stores = new Map<string, Promise<Conf<any>>>();

/** conf (atomic writes) is loaded only to write: reading is plain JSON, and conf costs ~50 ms to import. */
function store<T extends Record<string, any>>(name: string, env: NodeJS.ProcessEnv): Promise<Conf<T>> {
  const dir = configDir(env);
  const key = `${dir}/${name}`;
  let s = stores.get(key);
  // projectSuffix '' keeps it at ~/.config/tablewright, not tablewright-nodejs (tui.md §3.4)
  if (!s) stores.set(key, (s = import('conf').then(({ default: C }) => new C<T>({ cwd: dir, configName: name, projectName: 'tablewright', projectSuffix: '' }))));
  return s as Promise<Conf<T>>;
}

function readJson(name: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  try {
    const v = JSON.parse(readFileSync(join(configDir(env), `${name}.json`), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}

/** Writes run one after another, so a later update never loses to an earlier one. */
let writes: Promise<unknown> = Promise.resolve();
function queueWrite(fn: () => Promise<void>): Promise<void> {
  const next = writes.then(fn, fn);
  writes = next.catch(() => {});
  return next;
}

/** Resolves when every queued config and history write has reached the disk. */
export const flushConfigWrites = (): Promise<unknown> => writes;

/** Reads the config; a broken file is reported, not fatal. */
export function readUserConfig(env: NodeJS.ProcessEnv = process.env): { config: UserConfig; problem?: string } {
  try {
    return { config: readJson('config', env) as UserConfig };
  } catch (err) {
    return { config: {}, problem: `${configDir(env)}/config.json ignored: ${String((err as Error).message).split('\n')[0]}` };
  }
}

export function updateUserConfig(patch: Partial<UserConfig>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return queueWrite(async () => {
    const s = await store<UserConfig & Record<string, unknown>>('config', env);
    for (const [k, v] of Object.entries(patch)) s.set(k, v);
  });
}

/** Saves a connection under a name, with any password removed (those belong in ~/.pgpass). */
export async function saveConnection(name: string, conninfo: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const clean = stripPassword(conninfo);
  await queueWrite(async () => {
    const s = await store<UserConfig & Record<string, unknown>>('config', env);
    s.set('connections', { ...((s.get('connections') as Record<string, string> | undefined) ?? {}), [name]: clean });
  });
  return clean;
}

export function stripPassword(conninfo: string): string {
  if (/^postgres(ql)?:\/\//i.test(conninfo)) {
    try {
      const u = new URL(conninfo);
      u.password = '';
      u.searchParams.delete('password');
      return u.toString();
    } catch {
      return conninfo;
    }
  }
  // keyword form: drop password=... (quoted or not)
  parseConnString(conninfo);
  return conninfo.replace(/\s*\bpassword\s*=\s*('([^'\\]|\\.)*'|\S+)/gi, '').trim();
}

const HISTORY_MAX = 500;

/** The prompt history shared by the TUI command line and the line REPL, newest last. */
export class PromptHistory {
  #entries: string[];
  readonly #env: NodeJS.ProcessEnv;
  readonly #persist: boolean;

  constructor(env: NodeJS.ProcessEnv = process.env, persist = true) {
    this.#env = env;
    this.#persist = persist;
    let entries: unknown = [];
    try {
      entries = persist ? readJson('history', env).entries : [];
    } catch {
      entries = [];
    }
    this.#entries = Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [];
  }

  get entries(): readonly string[] {
    return this.#entries;
  }

  add(line: string): void {
    const t = line.trim();
    if (!t || this.#entries.at(-1) === t) return;
    this.#entries = [...this.#entries, t].slice(-HISTORY_MAX);
    if (!this.#persist) return;
    const entries = this.#entries;
    // an unwritable config dir costs the history, not the session
    void queueWrite(async () => (await store<History & Record<string, unknown>>('history', this.#env)).set('entries', entries)).catch(() => {});
  }
}
