"""Imports generated models with warnings as errors, configures the mappers, and optionally runs
create_all into a database and Alembic's compare_metadata against another. Prints JSON."""

import argparse
import importlib.util
import json
import sys
import warnings
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("module")
parser.add_argument("--create-all", metavar="URL")
parser.add_argument("--prerequisites", metavar="JSON_FILE")
parser.add_argument("--compare", metavar="URL")
parser.add_argument("--schemas", default="")
parser.add_argument("--ignore-tables", default="", help="schema.table names listed in the warnings (partitions)")
args = parser.parse_args()

out = {}
with warnings.catch_warnings():
    warnings.simplefilter("error")
    # a directory is a generated package (multi-file layouts): import it with its submodules
    path = Path(args.module)
    if path.is_dir():
        spec = importlib.util.spec_from_file_location("generated_models", path / "__init__.py", submodule_search_locations=[str(path)])
    else:
        spec = importlib.util.spec_from_file_location("generated_models", args.module)
    module = importlib.util.module_from_spec(spec)
    sys.modules["generated_models"] = module
    spec.loader.exec_module(module)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
out["tables"] = sorted(module.Base.metadata.tables)
out["classes"] = sorted(m.class_.__name__ for m in module.Base.registry.mappers)

from sqlalchemy import create_engine, text  # noqa: E402

if args.create_all:
    engine = create_engine(args.create_all)
    with engine.begin() as conn:
        for statement in json.load(open(args.prerequisites)):
            conn.execute(text(statement))
        module.Base.metadata.create_all(conn)
    engine.dispose()

if args.compare:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    schemas = set(args.schemas.split(","))

    ignored = set(filter(None, args.ignore_tables.split(",")))

    def include_object(obj, name, type_, reflected, compare_to):
        if type_ == "table":
            return f"{obj.schema or 'public'}.{name}" not in ignored
        if type_ == "index" and reflected:
            return f"{obj.table.schema or 'public'}.{obj.table.name}" not in ignored
        return True

    def include_name(name, type_, parent_names):
        # the default schema arrives as None
        return (name is None or name in schemas) if type_ == "schema" else True

    engine = create_engine(args.compare)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "compare_server_default": True,
                    "include_schemas": True,
                    "include_name": include_name,
                    "include_object": include_object,
                },
            )
            out["diffs"] = [repr(d) for d in compare_metadata(context, module.Base.metadata)]
    out["compare_warnings"] = sorted({str(w.message) for w in caught})
    engine.dispose()

print(json.dumps(out))
