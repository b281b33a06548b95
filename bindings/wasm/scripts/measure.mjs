// The WebAssembly side of the speed comparison: the package's assess() on
// a document, timed in Node, as examples/timing.rs times the same calls
// natively.
//
//   node scripts/measure.mjs FILE [RUNS]
//
// Prints the median of RUNS (default 10) in milliseconds, after one run to
// warm up. scripts/measure-analysis.mjs times the analysis alone (classify
// and gap analysis, inside the module), against native.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { assess } from "interagency";

const [file, runs = "10"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/measure.mjs FILE [RUNS]");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
let bytes = assess(text).length;
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  bytes = assess(text).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`wasm: assess ${times[Math.floor(times.length / 2)].toFixed(2)} ms; ${bytes} bytes of report; median of ${runs}`);
