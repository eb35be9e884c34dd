import { existsSync } from 'node:fs';
import { closest } from '../../closest.js';
import { UserError } from '../../errors.js';
import { readConfigJson } from '../../rules/config.js';
import type { CustomType, TypeMapping } from '../sqlalchemy/custom-types.js';

/** The `"reflect"` part of `.tablewright.json`. */
export interface ReflectConfig {
  types?: TypeMapping;
}

const TYPE_KEYS = ['import', 'type', 'python', 'args'];
const PY_NAME = /^[A-Za-z_]\w*$/;
const PY_MODULE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

const hint = (k: string, known: string[]) => {
  const near = closest(k, known);
  return near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
};

/** Checks the `reflect` object of a config file; each problem is one line naming the key. */
export function parseReflectConfig(raw: unknown, where: string): ReflectConfig {
  const bad = (key: string, what: string) => new UserError(`${where}: "${key}" ${what}`);
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('reflect', 'must be an object like { "types": { "vector": { "import": "pgvector.sqlalchemy", "type": "Vector" } } }');
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (k !== 'types') throw bad(`reflect.${k}`, `is not a known key; use "types"${hint(k, ['types'])}`);
  if (obj.types === undefined) return {};
  if (typeof obj.types !== 'object' || obj.types === null || Array.isArray(obj.types)) throw bad('reflect.types', 'must map a PostgreSQL type name to { "import": module, "type": class }');
  const types: TypeMapping = {};
  for (const [pg, v] of Object.entries(obj.types as Record<string, unknown>)) {
    const key = `reflect.types.${pg}`;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(key, 'must be { "import": "module", "type": "Class", "python"?: "annotation", "args"?: true|false }');
    const t = v as Record<string, unknown>;
    for (const k of Object.keys(t)) if (!TYPE_KEYS.includes(k)) throw bad(`${key}.${k}`, `is not a known key; use ${TYPE_KEYS.join(', ')}${hint(k, TYPE_KEYS)}`);
    if (typeof t.import !== 'string' || !PY_MODULE.test(t.import)) throw bad(`${key}.import`, 'must be a Python module path such as "pgvector.sqlalchemy"');
    if (typeof t.type !== 'string' || !PY_NAME.test(t.type)) throw bad(`${key}.type`, 'must be the name of a class in that module, such as "Vector"');
    if (t.python !== undefined && (typeof t.python !== 'string' || !t.python.trim() || /[\n;]/.test(t.python))) throw bad(`${key}.python`, 'must be a Python annotation such as "list[float]"');
    if (t.args !== undefined && typeof t.args !== 'boolean') throw bad(`${key}.args`, 'must be true or false');
    types[pg] = { import: t.import, type: t.type, ...(t.python !== undefined ? { python: t.python as string } : {}), ...(t.args !== undefined ? { args: t.args as boolean } : {}) } satisfies CustomType;
  }
  return { types };
}

/** Reads the `reflect` part of a config file (the rest belongs to lint). */
export function loadReflectConfig(path: string): ReflectConfig {
  if (!existsSync(path)) throw new UserError(`config file ${path} does not exist; give --config an existing .tablewright.json`);
  const raw = readConfigJson(path) as Record<string, unknown> | null;
  return parseReflectConfig(raw?.reflect, path);
}
