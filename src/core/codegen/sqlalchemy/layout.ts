import type { GeneratedFile } from '../files.js';
import { GENERATED_MARKER } from '../files.js';
import { Imports } from './imports.js';
import { pyIdent, unique } from './names.js';
import type { ModelBlock, ModelsOutput } from './module.js';

/** How `reflect` spreads the models over files: one module, a module per schema, or one per table. */
export type Layout = 'single' | 'per-schema' | 'per-table';
export const LAYOUTS: readonly Layout[] = ['single', 'per-schema', 'per-table'];

/** Module-level names a chunk of code defines: classes, functions and assignments at column 0. */
const definedNames = (code: string) => [...code.matchAll(/^(?:class (\w+)\b|def (\w+)\(|(\w+) = )/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);

/** The names a chunk of code reads: identifiers outside strings, comments and attribute access. */
function usedNames(code: string): Set<string> {
  const bare = code
    .replace(/"""[\s\S]*?"""/g, '""')
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/#.*$/gm, '');
  return new Set(bare.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []);
}

const header = (what: string) => `# @${GENERATED_MARKER} reflect — regenerate from the database instead of editing (${what})`;

/**
 * One module of the package: imports chosen by what the body uses, classes of sibling modules
 * imported only for type checkers (SQLAlchemy resolves string and annotation targets through its
 * registry at configure time, so the modules never import each other at run time: no cycles).
 */
function moduleFile(path: string, what: string, body: string, own: Set<string>, o: { bindings: ModelsOutput['parts']['bindings']; headNames: Set<string>; classModule: Map<string, string> }): GeneratedFile {
  const im = new Imports();
  im.add('__future__', 'annotations');
  const typing = new Imports();
  for (const n of [...usedNames(body)].sort()) {
    if (own.has(n)) continue;
    const b = o.bindings.get(n);
    if (b) im.add(b[0], b[1]);
    else if (o.headNames.has(n)) im.add('.base', n);
    else if (o.classModule.has(n)) typing.add(`.${o.classModule.get(n)}`, n);
  }
  const typed = typing.render('    ');
  if (typed) im.add('typing', 'TYPE_CHECKING');
  const first = body.replace(/^\s+/, '');
  const gap = typed || /^(class|def|async def|@)\b/.test(first) ? '\n\n\n' : '\n\n';
  const checking = typed ? `\n\nif TYPE_CHECKING:\n${typed}` : '';
  return { path, kind: 'python', contents: `${header(what)}\n${im.render()}${checking}${gap}${first.replace(/\s+$/, '')}\n` };
}

/**
 * The models as a package (`models/`): `base.py` with Base, enums, type stubs, domains and
 * sequences; a module per schema or per table; an `__init__.py` importing every module (so the
 * registry and MetaData are complete) and re-exporting every name.
 */
export function layoutModels(models: ModelsOutput, layout: Exclude<Layout, 'single'>, dir = 'models'): GeneratedFile[] {
  const { head, blocks, bindings } = models.parts;
  const headNames = new Set(definedNames(head));
  const taken = new Set(['base', '__init__', 'views']);
  const groups = new Map<string, ModelBlock[]>();
  const moduleOf = new Map<ModelBlock, string>();
  const bySchema = new Map<string, string>();
  for (const b of blocks) {
    let mod: string;
    if (layout === 'per-schema') {
      if (!bySchema.has(b.schema)) bySchema.set(b.schema, unique(pyIdent(b.schema).toLowerCase(), taken));
      mod = bySchema.get(b.schema)!;
    } else {
      mod = b.kind === 'view' ? 'views' : unique(pyIdent(b.pyName.replace(/^t_/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()), taken);
    }
    moduleOf.set(b, mod);
    groups.set(mod, [...(groups.get(mod) ?? []), b]);
  }
  const classModule = new Map(blocks.filter((b) => b.kind === 'class').map((b) => [b.pyName, moduleOf.get(b)!]));
  const files: GeneratedFile[] = [];
  const o = { bindings, headNames, classModule };
  files.push(moduleFile(`${dir}/base.py`, 'base', head, headNames, o));
  const init = new Imports();
  const exported = [...headNames].filter((n) => !n.startsWith('_'));
  for (const n of exported) init.add('.base', n);
  for (const [mod, group] of groups) {
    const own = new Set(group.map((b) => b.pyName));
    const what = layout === 'per-schema' ? `schema ${group[0]!.schema}` : mod === 'views' ? 'views' : group[0]!.qname;
    files.push(moduleFile(`${dir}/${mod}.py`, what, group.map((b) => b.code).join('\n\n\n'), own, o));
    for (const b of group) { init.add(`.${mod}`, b.pyName); exported.push(b.pyName); }
  }
  const all = [...new Set(exported)].sort();
  files.push({ path: `${dir}/__init__.py`, kind: 'python', contents: `${header('package')}\n${init.render()}\n\n__all__ = [\n${all.map((n) => `    "${n}",`).join('\n')}\n]\n` });
  return files;
}
