import type { Imports } from './imports.js';
import type { TypeRender } from './types.js';

/**
 * A user's mapping of one PostgreSQL type to a Python type class (`reflect.types` in
 * .tablewright.json), e.g. `"vector": {"import": "pgvector.sqlalchemy", "type": "Vector",
 * "python": "list[float]"}`. The type's modifiers are passed as arguments (`vector(3)` →
 * `Vector(3)`) unless `args` is false.
 */
export interface CustomType {
  /** module the type class is imported from */
  import: string;
  /** the type class */
  type: string;
  /** the Mapped[...] annotation; dotted names import their module (`numpy.ndarray` → `import numpy`); default `Any` */
  python?: string;
  /** pass the type modifiers as arguments (default true) */
  args?: boolean;
}

/** Keyed by type name as PostgreSQL spells it without modifiers (`vector`, `xml`, `character varying`) or `schema.name`. */
export type TypeMapping = Record<string, CustomType>;

/** Names the mapped type classes bind at module level, which attributes must not shadow. */
export const customTypeNames = (m: TypeMapping | undefined): string[] => Object.values(m ?? {}).map((t) => t.type);

/** Imports an annotation needs: `Any` from typing, `mod` for every `mod.Name`. */
export function annotationImports(py: string, im: Imports): void {
  if (/\bAny\b/.test(py)) im.add('typing', 'Any');
  for (const m of py.matchAll(/(?<![.\w])([a-z_][a-z0-9_]*)\.[A-Za-z_]/g)) im.add(m[1]!);
}

/** The user's mapping for a type, tried by `schema.name`, then bare name, then the type text without modifiers. */
export function customType(m: TypeMapping | undefined, typeRef: string, typeText: string, im: Imports): TypeRender | undefined {
  if (!m) return undefined;
  const name = typeRef.slice(typeRef.indexOf('.') + 1);
  const bare = typeText.replace(/\(.*?\)/, '').trim();
  const hit = m[typeRef] ?? m[name] ?? m[bare] ?? m[bare.replace(/^.*\./, '').replace(/"/g, '')];
  if (!hit) return undefined;
  const mods = /\(([^)]*)\)/.exec(typeText)?.[1];
  const cls = im.add(hit.import, hit.type);
  const py = hit.python ?? 'Any';
  annotationImports(py, im);
  return { sa: hit.args !== false && mods ? `${cls}(${mods.split(',').map((s) => s.trim()).join(', ')})` : cls, py };
}
