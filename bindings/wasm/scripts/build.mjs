// Builds the npm package into pkg/ and the offline page into
// dist/interagency.html:
//
//   1. the crate's bindings for wasm32-unknown-unknown, in release, optimised
//      for size;
//   2. wasm-bindgen (the CLI at the version of the wasm-bindgen crate in
//      Cargo.lock) writes the ES module glue and its TypeScript declarations;
//   3. wasm-opt -Oz (npm's binaryen; Debian 12's binaryen 108 writes a
//      wrong table index in the export of wasm-bindgen's externref table)
//      shrinks the module;
//   4. the schemas, as the crate's export_schemas example writes them, into
//      pkg/schemas.js (schema(name) is JavaScript: see src/lib.rs);
//   5. the entry points: pkg/node.js reads the .wasm beside it, pkg/inline.js
//      carries it inlined (for browsers and bundlers); both are ready on
//      import, no init() call; and the TypeScript types of every document,
//      from the schemas, with json-schema-to-typescript;
//   6. the page: page/index.html with the glue, the module (base64) and
//      page/app.js inlined.
//
// Environment: CARGO (default "cargo"), WASM_BINDGEN (default
// "wasm-bindgen"), WASM_OPT (default: npm's, in node_modules; "none" to
// skip), WASM_OPT_LEVEL (the crate's opt-level, default "s").

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = join(here, "..", "..");
const pkg = join(here, "pkg");
const dist = join(here, "dist");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");

function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
}

function has(command) {
  try {
    execFileSync(command, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// 1. The module: opt-level "s" with LTO and one codegen unit (the
// profile's settings for this build only; the root Cargo.toml's release
// profile is the crate's), and WebAssembly SIMD (memchr's and LLVM's
// vector code; Node 16.4+, every current browser). Measured on 10,000
// respondents: "z" without SIMD was 3 times slower than "s" with it, at
// the same size after wasm-opt.
run(process.env.CARGO ?? "cargo", [
  "build", "--release", "--target", "wasm32-unknown-unknown", "-p", "interagency-wasm",
], {
  CARGO_PROFILE_RELEASE_OPT_LEVEL: process.env.WASM_OPT_LEVEL ?? "s",
  CARGO_PROFILE_RELEASE_LTO: "true",
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS: "1",
  // With --target, RUSTFLAGS reach the module's crates only, not build
  // scripts or proc-macros.
  RUSTFLAGS: `${process.env.RUSTFLAGS ?? ""} -C target-feature=+simd128`.trim(),
});
const wasm = join(targetDir, "wasm32-unknown-unknown", "release", "interagency_wasm.wasm");

// 2. The glue: an ES module (pkg/interagency.js) and, for the page, a
// classic script defining the global `wasm_bindgen`.
rmSync(pkg, { recursive: true, force: true });
const wasmBindgen = process.env.WASM_BINDGEN ?? "wasm-bindgen";
run(wasmBindgen, ["--target", "web", "--out-dir", pkg, "--out-name", "interagency", wasm]);
const script = join(targetDir, "wasm-bindgen-page");
rmSync(script, { recursive: true, force: true });
run(wasmBindgen, [
  "--target", "no-modules", "--no-typescript", "--out-dir", script, "--out-name", "interagency", wasm,
]);
// Both glues load the same module: the page uses the package's.
const moduleFile = join(pkg, "interagency_bg.wasm");
if (!readFileSync(moduleFile).equals(readFileSync(join(script, "interagency_bg.wasm")))) {
  throw new Error("wasm-bindgen wrote different modules for the web and no-modules targets");
}

// 3. Smaller: wasm-opt -Oz, with the WebAssembly features Rust's wasm32
// target emits.
const wasmOpt = process.env.WASM_OPT ?? join(here, "node_modules", ".bin", "wasm-opt");
if (wasmOpt !== "none" && has(wasmOpt)) {
  run(wasmOpt, [
    "-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue", "--enable-simd",
    moduleFile, "-o", moduleFile,
  ]);
} else {
  console.log("wasm-opt not found: the module is left as wasm-bindgen wrote it");
}
const bytes = readFileSync(moduleFile);

// 4. The schemas, written by the crate.
const schemaDir = join(targetDir, "wasm-schemas");
rmSync(schemaDir, { recursive: true, force: true });
console.log(`$ cargo run --quiet --example export_schemas -- ${schemaDir}`);
const written = execFileSync(process.env.CARGO ?? "cargo", [
  "run", "--quiet", "--example", "export_schemas", "--", schemaDir,
], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const schemas = Object.fromEntries(written.trim().split("\n").map((path) => [
  path.replace(/^.*\//, "").replace(/\.schema\.json$/, ""),
  readFileSync(path, "utf8"),
]));
const names = Object.keys(schemas);
writeFileSync(join(pkg, "schemas.js"), `// The JSON Schema of every document, as the crate's export_schemas example
// writes them (NAME.schema.json), generated by scripts/build.mjs.
const SCHEMAS = ${JSON.stringify(schemas, null, 1)};

/**
 * The JSON Schema of a document, as pretty JSON: the file NAME.schema.json
 * that the crate's export_schemas writes. Throws an Error on an unknown name.
 */
export function schema(name) {
  if (typeof name !== "string" || !Object.hasOwn(SCHEMAS, name)) {
    throw new Error(\`unknown schema \${JSON.stringify(String(name))}; expected one of: ${names.join(", ")}\`);
  }
  return SCHEMAS[name];
}
`);
writeFileSync(join(pkg, "schemas.d.ts"), `/** The documents whose JSON Schema \`schema\` returns. */
export type SchemaName = ${names.map((name) => JSON.stringify(name)).join(" | ")};

/**
 * The JSON Schema of a document, as pretty JSON: the file NAME.schema.json
 * that the crate's export_schemas writes. Throws an Error on an unknown name.
 */
export function schema(name: SchemaName): string;
`);

// 5. The entry points, and the types.
const FUNCTIONS = "assess, progress, readResponses, catalogue, surveyTemplate";
writeFileSync(join(pkg, "node.js"), `// The package under Node: the module is read from the file beside this one
// and instantiated on import.
import { readFileSync } from "node:fs";
import { initSync } from "./interagency.js";

initSync({ module: readFileSync(new URL("./interagency_bg.wasm", import.meta.url)) });

export { ${FUNCTIONS} } from "./interagency.js";
export { schema } from "./schemas.js";
`);
writeFileSync(join(pkg, "inline.js"), `// The package anywhere (browsers, bundlers, Node): the module is inlined
// below (base64) and instantiated on import.
import { initSync } from "./interagency.js";

const text = atob(${JSON.stringify(bytes.toString("base64"))});
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
initSync({ module: bytes });

export { ${FUNCTIONS} } from "./interagency.js";
export { schema } from "./schemas.js";
`);
for (const entry of ["node", "inline"]) {
  writeFileSync(join(pkg, `${entry}.d.ts`), `export * from "./index.js";\n`);
}

// The documents' types, one file per schema, re-exported under the names
// of the crate's types.
const { compile } = await import("json-schema-to-typescript");
const TYPES = {
  assessment: "Assessment",
  report: "GapReport",
  classification: "Classification",
  catalogue: "Catalogue",
  rubric: "Rubric",
  progress: "ProgressReport",
};
mkdirSync(join(pkg, "types"), { recursive: true });
const reexports = [];
for (const [name, type] of Object.entries(TYPES)) {
  const document = JSON.parse(schemas[name]);
  const description = document.title;
  // json-schema-to-typescript names the root type after the title or $id.
  delete document.title;
  delete document.$id;
  const ts = await compile(document, type, {
    bannerComment: `/** ${description}: the TypeScript types of ${name}.schema.json, written by json-schema-to-typescript. */`,
    additionalProperties: false,
    format: false,
  });
  writeFileSync(join(pkg, "types", `${name}.d.ts`), ts);
  reexports.push(`export type { ${type} } from "./types/${name}.js";`);
}
writeFileSync(join(pkg, "reports.d.ts"), `/** The documents the functions read and return, parsed: JSON.parse(assess(text)) is a GapReport. */\n${reexports.join("\n")}\n`);
writeFileSync(join(pkg, "index.d.ts"), `/**
 * interagency: Frost's levels of interagency working, Statham's facilitators
 * and the CAAB benefits. Every function returns what the crate's examples
 * print for the same input, and throws an Error with the crate's message on
 * bad input.
 */
export { ${FUNCTIONS} } from "./interagency.js";
export type {
  ReportOptions, ResponsesOptions, CatalogueOptions, SurveyTemplateOptions, SurveyColumns,
} from "./interagency.js";
export { schema } from "./schemas.js";
export type { SchemaName } from "./schemas.js";
export type * from "./reports.js";
`);
// wasm-bindgen's own package.json is not the package's.
rmSync(join(pkg, "package.json"), { force: true });

// 6. The page: the no-modules glue without its loaders (the module is
// given to initSync; the page makes no request), the module, the app.
let glue = readFileSync(join(script, "interagency.js"), "utf8");
// Cut [from, to) out of the glue, or fail the build if either is missing.
function cut(from, to, by = "") {
  const start = glue.indexOf(from);
  const end = glue.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`the page's glue: ${JSON.stringify(from)} not found`);
  glue = glue.slice(0, start) + by + glue.slice(end);
}
cut("    let script_src;", "    /**");
cut("    async function __wbg_load(", "    function initSync(");
cut("    let __wbg_init_promise;", "})({ __proto__: null });", "    return Object.assign({ initSync }, exports);\n");
if (/fetch|__wbg_init\b|script_src|import\b/.test(glue)) {
  throw new Error("the page's glue still loads the module itself");
}
const page = readFileSync(join(here, "page", "index.html"), "utf8");
const app = readFileSync(join(here, "page", "app.js"), "utf8");
const parts = {
  "/*GLUE*/": glue,
  "/*WASM*/": JSON.stringify(bytes.toString("base64")),
  "/*APP*/": app,
};
let html = page;
for (const [mark, text] of Object.entries(parts)) {
  if (!html.includes(mark)) throw new Error(`page/index.html: ${mark} missing`);
  if (text.includes("</script")) throw new Error(`${mark}: "</script" would end the script`);
  html = html.replace(mark, () => text);
}
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "interagency.html"), html);

console.log(`module: ${bytes.length} bytes; page: ${Buffer.byteLength(html)} bytes`);
if (!existsSync(join(pkg, "interagency.d.ts"))) throw new Error("wasm-bindgen wrote no declarations");
