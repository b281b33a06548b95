// The analysis alone, in WebAssembly against native: the crate's
// Assessment::classify() and Assessment::gap_analysis(None) on a document
// read once, timed inside the module (measureAnalysis, performance.now())
// and natively (examples/measure_analysis.rs, std::time::Instant), with the
// same loops (src/measure.rs), the same iterations and the same documents.
// No text crosses the JavaScript boundary while the clock runs, unlike
// scripts/measure.mjs, which times the whole assess() call.
//
//   node scripts/measure-analysis.mjs [FILE...]
//
// 1. builds the module with the `measure` feature as `npm run build` builds
//    the package's (opt-level s, LTO, one codegen unit, SIMD; wasm-bindgen
//    --target web; wasm-opt -Oz from npm's binaryen), in its own target
//    folder (target/measure-analysis) and a temporary directory, so that
//    neither the package's module nor pkg/ is touched;
// 2. builds the native example (the release profile: opt-level 3);
// 3. the documents: FILE..., or by default examples/data/*.json, a
//    synthetic assessment of RESPONDENTS respondents over three agencies
//    (`cargo run --release --example synthetic -- 10000`, the big.json of
//    the README) and synthetic partnerships of AGENCIES agencies with
//    uneven respondent counts (`synthetic -- --agencies N`);
// 4. per document, ROUNDS rounds, native then WebAssembly in turn: each
//    reads the document once, warms up, then SAMPLES times calls classify()
//    ITERATIONS times and gap_analysis(None) ITERATIONS times (ITERATIONS
//    chosen by the first native run: loops of 5 ms, or 100 ms for the
//    longer);
// 5. prints every figure, then a table of the medians (microseconds per
//    call) and the ratio WebAssembly / native, and the load average.
//
// Environment: ROUNDS (default 5), SAMPLES (default 5), RESPONDENTS
// (default 10000), AGENCIES (default "30,50"; "" for none), and as
// scripts/build.mjs: CARGO, WASM_BINDGEN, WASM_OPT ("none" to skip),
// WASM_OPT_LEVEL (default "s"). KEEP=1 keeps the temporary directory.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { has, here, root, run } from "./commands.mjs";

const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const cargo = process.env.CARGO ?? "cargo";
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SAMPLES = Number(process.env.SAMPLES ?? 5);
const RESPONDENTS = Number(process.env.RESPONDENTS ?? 10000);
const AGENCIES = (process.env.AGENCIES ?? "30,50").split(",").filter((n) => n.trim() !== "").map(Number);
const TARGET = 3;


const load = () => loadavg().map((l) => l.toFixed(2)).join(", ");
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pairs = (us) => ({
  classify: us.filter((_, i) => i % 2 === 0),
  gap: us.filter((_, i) => i % 2 === 1),
});

const tmp = mkdtempSync(join(tmpdir(), "interagency-measure-"));
const startLoad = load();
try {
  // 1. The module, as scripts/build.mjs builds it, with measureAnalysis.
  const measureTarget = join(targetDir, "measure-analysis");
  run(cargo, [
    "build", "--release", "--target", "wasm32-unknown-unknown", "-p", "interagency-wasm",
    "--features", "measure",
  ], {
    CARGO_TARGET_DIR: measureTarget,
    CARGO_PROFILE_RELEASE_OPT_LEVEL: process.env.WASM_OPT_LEVEL ?? "s",
    CARGO_PROFILE_RELEASE_LTO: "true",
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS: "1",
    RUSTFLAGS: `${process.env.RUSTFLAGS ?? ""} -C target-feature=+simd128`.trim(),
  });
  const pkg = join(tmp, "pkg");
  run(process.env.WASM_BINDGEN ?? "wasm-bindgen", [
    "--target", "web", "--out-dir", pkg, "--out-name", "interagency",
    join(measureTarget, "wasm32-unknown-unknown", "release", "interagency_wasm.wasm"),
  ]);
  const moduleFile = join(pkg, "interagency_bg.wasm");
  const wasmOpt = process.env.WASM_OPT ?? join(here, "node_modules", ".bin", "wasm-opt");
  let optimised = "not optimised (wasm-opt skipped or not found)";
  if (wasmOpt !== "none" && has(wasmOpt)) {
    run(wasmOpt, [
      "-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
      "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue", "--enable-simd",
      moduleFile, "-o", moduleFile,
    ]);
    optimised = "wasm-opt -Oz";
  }

  // 2. The native side.
  run(cargo, [
    "build", "--release", "--quiet", "-p", "interagency-wasm", "--features", "measure",
    "--example", "measure_analysis",
  ]);
  const native = join(targetDir, "release", "examples", "measure_analysis");

  // 3. The documents.
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const data = join(root, "examples", "data");
    files = readdirSync(data).filter((f) => f.endsWith(".json")).sort().map((f) => join(data, f));
    const synthetic = (name, args) => {
      const file = join(tmp, name);
      console.log(`$ ${cargo} run --release --quiet --example synthetic -- ${args.join(" ")} > ${file}`);
      writeFileSync(file, execFileSync(cargo, [
        "run", "--release", "--quiet", "--example", "synthetic", "--", ...args,
      ], { cwd: root, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] }));
      files.push(file);
    };
    if (RESPONDENTS > 0) synthetic(`big-${RESPONDENTS}.json`, [String(RESPONDENTS)]);
    for (const n of AGENCIES) synthetic(`agencies-${n}.json`, ["--agencies", String(n)]);
  }

  // The module, instantiated as the package's pkg/node.js does.
  const glue = await import(pathToFileURL(join(pkg, "interagency.js")).href);
  glue.initSync({ module: readFileSync(moduleFile) });
  if (typeof glue.measureAnalysis !== "function") throw new Error("the module has no measureAnalysis");

  // 4. Native and WebAssembly in turn.
  console.log(`\nrounds ${ROUNDS}, samples ${SAMPLES} per round after one warm-up; microseconds per call`);
  const results = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const result = { name: basename(file), bytes: statSync(file).size, native: [], wasm: [] };
    let iterations = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const line = execFileSync(native, [file, String(iterations), String(SAMPLES)], { encoding: "utf8" });
      const figures = JSON.parse(line);
      iterations = figures.iterations;
      Object.assign(result, { agencies: figures.agencies, respondents: figures.respondents, iterations });
      result.native.push(...figures.us);
      const us = Array.from(glue.measureAnalysis(text, iterations, SAMPLES));
      result.wasm.push(...us);
      for (const [side, figuresOf] of [["native", figures.us], ["wasm", us]]) {
        const { classify, gap } = pairs(figuresOf);
        console.log(`${result.name} round ${round + 1} ${side.padEnd(6)} classify ${classify.map((t) => t.toFixed(3)).join(" ")} | gap ${gap.map((t) => t.toFixed(3)).join(" ")}`);
      }
    }
    result.load = load();
    console.log(`${result.name}: ${result.agencies} agencies, ${result.respondents} respondents, ${iterations} iterations; load average ${result.load}`);
    results.push(result);
  }

  // 5. The medians.
  const rows = results.map((r) => {
    const n = pairs(r.native);
    const w = pairs(r.wasm);
    const c = [median(n.classify), median(w.classify)];
    const g = [median(n.gap), median(w.gap)];
    return { ...r, c, g, cr: c[1] / c[0], gr: g[1] / g[0] };
  });
  const verdict = (ratio) => (ratio <= TARGET ? "yes" : `no (${(ratio / TARGET).toFixed(2)}× over)`);
  console.log(`\nmodule: ${statSync(moduleFile).size} bytes (${optimised}, opt-level ${process.env.WASM_OPT_LEVEL ?? "s"}, SIMD); Node ${process.version}`);
  console.log(`load average (1, 5, 15 min): ${startLoad} at the start, ${load()} at the end\n`);
  console.log("| document | agencies | respondents | iterations | classify native µs | classify wasm µs | ratio | gap analysis native µs | gap analysis wasm µs | ratio | within 3×: classify, gap |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.agencies} | ${r.respondents} | ${r.iterations} | ${r.c[0].toFixed(3)} | ${r.c[1].toFixed(3)} | ${r.cr.toFixed(2)} | ${r.g[0].toFixed(3)} | ${r.g[1].toFixed(3)} | ${r.gr.toFixed(2)} | ${verdict(r.cr)}, ${verdict(r.gr)} |`);
  }
  const all = rows.every((r) => r.cr <= TARGET && r.gr <= TARGET);
  console.log(`\nclassify and gap analysis within ${TARGET}× native at every size: ${all ? "yes" : "no"}`);
} finally {
  if (process.env.KEEP === "1") console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
