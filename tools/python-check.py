"""Validates documents with python-jsonschema and parses them with pydantic
models generated from the schemas by datamodel-code-generator.

Usage: python3 python-check.py SCHEMA_DIR MODELS_DIR NAME=DOC.json ...
"""
import importlib.util
import json
import pathlib
import sys

import jsonschema

schema_dir, models_dir, *docs = sys.argv[1:]
schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text())
           for p in pathlib.Path(schema_dir).glob("*.schema.json")}
for name, schema in schemas.items():
    jsonschema.Draft202012Validator.check_schema(schema)
    print(f"checked {name}.schema.json against the draft 2020-12 meta-schema")

failed = 0
for arg in docs:
    name, path = arg.split("=", 1)
    doc = json.loads(pathlib.Path(path).read_text())
    validator = jsonschema.Draft202012Validator(
        schemas[name], format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(doc))
    spec = importlib.util.spec_from_file_location(
        f"models_{name}", pathlib.Path(models_dir) / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    # datamodel-code-generator names the root model after the schema's title.
    title = schemas[name]["title"]
    model = getattr(module, "".join(w[:1].upper() + w[1:] for w in title.split()))
    try:
        model.model_validate(doc)
        parsed = "parsed by pydantic"
    except Exception as e:  # noqa: BLE001
        parsed = f"PYDANTIC REJECTED: {e}"
        failed += 1
    if errors:
        failed += 1
        print(f"INVALID {name}: {path}: {errors[0].message}")
    else:
        print(f"valid   {name}: {path}; {parsed}")
sys.exit(1 if failed else 0)
