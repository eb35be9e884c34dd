import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../../core/paths.js';

const MAX = 200;

/**
 * The Workbench's statement history (multi-line entries, newest last), kept in
 * workbench-history.json in the config dir; written atomically, a broken file costs only the history.
 */
export class WorkbenchHistory {
  #entries: string[];
  readonly #file: string | undefined;

  constructor(env: NodeJS.ProcessEnv, persist = true) {
    this.#file = persist ? join(configDir(env), 'workbench-history.json') : undefined;
    let entries: unknown = [];
    try {
      if (this.#file) entries = (JSON.parse(readFileSync(this.#file, 'utf8')) as { entries?: unknown }).entries;
    } catch {
      entries = [];
    }
    this.#entries = Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [];
  }

  get entries(): readonly string[] {
    return this.#entries;
  }

  add(sql: string): void {
    const t = sql.trim();
    if (!t || this.#entries.at(-1) === t) return;
    this.#entries = [...this.#entries.filter((e) => e !== t), t].slice(-MAX);
    if (!this.#file) return;
    try {
      mkdirSync(join(this.#file, '..'), { recursive: true });
      const tmp = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ entries: this.#entries }, null, 2));
      renameSync(tmp, this.#file);
    } catch {
      // an unwritable config dir costs the history, not the session
    }
  }
}
