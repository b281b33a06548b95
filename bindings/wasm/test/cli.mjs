// What the crate's command-line examples print: the expected bytes of the
// bindings' tests. The examples are built once (debug), then run directly.

import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");

let built = false;

/** Builds the examples, once. */
function build() {
  if (built) return;
  execFileSync(process.env.CARGO ?? "cargo", ["build", "--quiet", "--examples"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  built = true;
}

/** Runs an example from the repository root: its status, stdout and stderr. */
export function example(name, args) {
  build();
  const out = spawnSync(join(target, "debug", "examples", name), args, { cwd: root, maxBuffer: 1 << 28 });
  return { status: out.status, stdout: out.stdout.toString("utf8"), stderr: out.stderr.toString("utf8") };
}

/** What an example prints, failing on a non-zero status. */
export function stdout(name, args) {
  const out = example(name, args);
  if (out.status !== 0) throw new Error(`${name} ${args.join(" ")}: status ${out.status}: ${out.stderr}`);
  return out.stdout;
}

/** The message of a refused input: an example's stderr without its
 * `NAME: FILE: ` prefix and final newline. */
export function refusal(name, args, file) {
  const out = example(name, args);
  if (out.status !== 2) throw new Error(`${name} ${args.join(" ")}: want status 2, got ${out.status}`);
  const prefix = `${name}: ${file}: `;
  if (!out.stderr.startsWith(prefix)) throw new Error(`${name}: stderr ${JSON.stringify(out.stderr)} lacks ${prefix}`);
  return out.stderr.slice(prefix.length).replace(/\n$/, "");
}

/** The files of a folder of the repository, as paths from its root. */
export function files(folder, suffix) {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** The export of every survey tool, with the options the crate's tests read it with. */
export const QUESTIONS = { agency: "Which agency do you work for?", role: "What is your role?" };
export const EXPORTS = [
  { file: "examples/survey/child-protection-hub.csv", options: { ignoreColumns: ["Timestamp"] } },
  { file: "examples/survey/child-protection-hub.google-forms.csv", options: { columns: QUESTIONS } },
  { file: "examples/survey/child-protection-hub.qualtrics.csv", options: { columns: QUESTIONS } },
  { file: "examples/survey/child-protection-hub.surveymonkey.csv", options: { columns: QUESTIONS } },
  {
    file: "examples/survey/child-protection-hub.agree-disagree.csv",
    options: { scale: "Strongly disagree=1,Disagree=2,Neither agree nor disagree=3,Agree=4,Strongly agree=5" },
  },
  { file: "examples/survey/child-protection-hub.microsoft-forms.xlsx", options: { columns: QUESTIONS, sheet: "sheet1" } },
];

/** The example's arguments for a survey export's options. */
export function exportArgs(options) {
  const args = [];
  for (const header of options.ignoreColumns ?? []) args.push("--ignore-column", header);
  for (const [field, header] of Object.entries(options.columns ?? {})) args.push("--column", `${field}=${header}`);
  if (options.scale) args.push("--scale", options.scale);
  if (options.sheet) args.push("--sheet", options.sheet);
  return args;
}
