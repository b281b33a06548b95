#!/usr/bin/env bash
# Checks the committed schemas with tools from other languages:
#   - ajv (JavaScript) compiles each one in strict mode and validates documents;
#   - python-jsonschema checks each against the draft 2020-12 meta-schema and
#     validates documents, with format checking;
#   - datamodel-code-generator turns each into pydantic models, which parse the
#     crate's own documents;
#   - json-schema-to-typescript turns each into TypeScript types, and tsc checks
#     the crate's own documents against them.
# The tools are installed into a scratch directory from npm and PyPI.
# Usage: tools/check-schemas.sh   (from the repository root)
set -euo pipefail
root=$(pwd)
work=${CHECK_SCHEMAS_DIR:-$(mktemp -d)}
schemas="$root/schemas"
docs="$work/docs"
mkdir -p "$docs" "$work/models" "$work/ts"

echo "==> documents"
cargo run --quiet --example catalogue >"$docs/catalogue.json"
pairs=("catalogue=$docs/catalogue.json")
for file in examples/data/*.json; do
  name=$(basename "$file" .json)
  cargo run --quiet --example assess -- "$file" --format json >"$docs/$name.report.json"
  python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['classification']))" \
    "$docs/$name.report.json" >"$docs/$name.classification.json"
  pairs+=("assessment=$root/$file" "report=$docs/$name.report.json" "classification=$docs/$name.classification.json")
done
cargo run --quiet --example assess -- examples/data/early-years-network-2027.json \
  --since examples/data/early-years-network.json --format json >"$docs/progress.json"
pairs+=("progress=$docs/progress.json")
cargo run --quiet --example assess -- examples/data/early-years-network-2027.json \
  --since examples/data/early-years-network.json --plan examples/plans/early-years-network-plan.json \
  --format json >"$docs/progress-plan.json"
cargo run --quiet --example assess -- examples/data/early-years-network.json --plan-template >"$docs/plan-template.json"
pairs+=("progress=$docs/progress-plan.json" "plan=$root/examples/plans/early-years-network-plan.json" "plan=$docs/plan-template.json")
for file in examples/rubrics/*.json; do
  name=$(basename "$file" .json)
  cargo run --quiet --example catalogue -- --rubric "$file" >"$docs/catalogue.$name.json"
  pairs+=("rubric=$root/$file" "catalogue=$docs/catalogue.$name.json")
done

echo "==> tools"
cd "$work"
[ -f package.json ] || npm init -y >/dev/null
npm install --silent ajv@8 ajv-formats@3 json-schema-to-typescript@15 typescript@5 >/dev/null
[ -d venv ] || python3 -m venv venv
venv/bin/pip install --quiet jsonschema datamodel-code-generator pydantic

echo "==> ajv, strict mode"
cp "$root/tools/ajv-check.mjs" .
node ajv-check.mjs "$schemas" "${pairs[@]}"

echo "==> pydantic models"
for schema in "$schemas"/*.schema.json; do
  name=$(basename "$schema" .schema.json)
  venv/bin/datamodel-codegen --input "$schema" --input-file-type jsonschema \
    --output-model-type pydantic_v2.BaseModel --output "models/$name.py"
done
echo "==> python-jsonschema and pydantic"
venv/bin/python "$root/tools/python-check.py" "$schemas" models "${pairs[@]}"

echo "==> TypeScript"
for schema in "$schemas"/*.schema.json; do
  name=$(basename "$schema" .schema.json)
  npx --no-install json2ts --input "$schema" --output "ts/$name.d.ts" --additionalProperties false
done
{
  i=0
  for pair in "${pairs[@]}"; do
    name=${pair%%=*}; path=${pair#*=}
    # json2ts names the root type after the schema's title.
    type=$(python3 -c 'import json,sys; print("".join(w[:1].upper()+w[1:] for w in json.load(open(sys.argv[1]))["title"].split()))' "$schemas/$name.schema.json")
    echo "import type { $type as T$i } from \"./$name\";"
    echo "export const doc$i: T$i = $(cat "$path");"
    i=$((i + 1))
  done
} >ts/check.ts
npx --no-install tsc --strict --noEmit --skipLibCheck ts/check.ts
echo "tsc: the crate's ${#pairs[@]} documents type-check against the generated types"
