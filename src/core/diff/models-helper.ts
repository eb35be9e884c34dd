/**
 * The helper `--to models/` runs with the user's Python (as `python -c`, so it ships inside dist):
 * it prints the DDL SQLAlchemy's create_all would run for a models package, without a database.
 * Every submodule is imported so all models register; each MetaData found is rendered for
 * PostgreSQL through a mock engine, in create_all's own order (types, tables, indexes).
 */
export const MODELS_DDL_PY = String.raw`
import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

from sqlalchemy import MetaData, create_mock_engine


def load(path):
    sys.path.insert(0, str(path.parent))
    if path.is_dir():
        pkg = importlib.import_module(path.name)
        mods = [pkg]
        for info in pkgutil.walk_packages(pkg.__path__, prefix=path.name + "."):
            mods.append(importlib.import_module(info.name))
        return mods
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = mod
    spec.loader.exec_module(mod)
    return [mod]


def metadatas(mods):
    seen = {}
    for m in mods:
        for value in vars(m).values():
            md = value if isinstance(value, MetaData) else getattr(value, "metadata", None)
            if isinstance(md, MetaData) and md.tables:
                seen[id(md)] = md
    return list(seen.values())


found = metadatas(load(Path(sys.argv[1]).resolve()))
if not found:
    sys.exit("no SQLAlchemy MetaData with tables found (a DeclarativeBase subclass or a MetaData object)")
out = []
engine = create_mock_engine("postgresql+psycopg://", lambda sql, *a, **kw: out.append(str(sql.compile(dialect=engine.dialect)).strip() + ";"))
for s in sorted({t.schema for md in found for t in md.tables.values() if t.schema and t.schema != "public"}):
    out.append('CREATE SCHEMA IF NOT EXISTS "' + s + '";')
for md in found:
    md.create_all(engine, checkfirst=False)
print("\n\n".join(out))
`;
