// Compiles every schema in ajv's strict mode (draft 2020-12, with the
// standard formats) and validates documents against them.
// Usage: node ajv-check.mjs SCHEMA_DIR [NAME=DOC.json ...]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [dir, ...docs] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json"))) {
  const name = file.replace(".schema.json", "");
  validators[name] = ajv.compile(JSON.parse(readFileSync(join(dir, file), "utf8")));
  console.log(`compiled ${file} in strict mode`);
}
let failed = 0;
for (const arg of docs) {
  const [name, path] = arg.split("=");
  const ok = validators[name](JSON.parse(readFileSync(path, "utf8")));
  console.log(`${ok ? "valid  " : "INVALID"} ${name}: ${path}`);
  if (!ok) {
    failed++;
    console.log(JSON.stringify(validators[name].errors, null, 1));
  }
}
process.exit(failed ? 1 : 0);
