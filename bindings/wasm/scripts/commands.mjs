// Running the commands the build and measuring scripts need, from the
// repository's root.

import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's folder (bindings/wasm) and the repository's root. */
export const here = dirname(dirname(fileURLToPath(import.meta.url)));
export const root = join(here, "..", "..");

/** Runs `command` from the root, showing it and its output. */
export function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
}

/** Whether `command --version` runs. */
export function has(command) {
  try {
    execFileSync(command, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
