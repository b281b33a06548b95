// The npm package against the crate's examples: for the same input, the
// same bytes; for a bad input, an Error with the crate's message.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

import {
  assess, catalogue, cohort, planTemplate, progress, readExport, readResponses, schema, surveyTemplate,
} from "interagency";

import { example, EXPORTS, exportArgs, files, QUESTIONS, refusal, root, stdout } from "./cli.mjs";

const read = (path) => readFileSync(join(root, path), "utf8");
const FORMATS = ["json", "markdown", "svg", "html"];
const DOCUMENTS = files("examples/data", ".json");
const RUBRICS = files("examples/rubrics", ".json");
const PARTNERSHIP = "examples/survey/child-protection-hub.partnership.json";
const EARLIER = "examples/data/early-years-network.json";
const LATER = "examples/data/early-years-network-2027.json";

/** Calls `f` with the path of a scratch file holding `text`, for the
 * examples to read. */
function withFile(name, text, f) {
  const dir = mkdtempSync(join(tmpdir(), "interagency-"));
  try {
    const path = join(dir, name);
    writeFileSync(path, text);
    return f(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts that `f` throws an Error whose message is `message`. */
function throwsWith(f, message) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, `${e} is not an Error`);
    assert.equal(e.message, message);
    return true;
  });
}

describe("assess", () => {
  for (const file of DOCUMENTS) {
    for (const format of FORMATS) {
      it(`${file} as ${format}`, () => {
        assert.equal(assess(read(file), { format }), stdout("assess", [file, "--format", format]));
      });
    }
    it(`${file} with every rubric and target`, () => {
      for (const rubric of RUBRICS) {
        assert.equal(
          assess(read(file), { rubric: read(rubric), format: "markdown" }),
          stdout("assess", [file, "--rubric", rubric, "--format", "markdown"]),
        );
      }
      for (const target of ["cooperation", "integration"]) {
        assert.equal(assess(read(file), { target }), stdout("assess", [file, "--target", target, "--format", "json"]));
      }
    });
  }

  it("ends every format with exactly one newline, as progress does", () => {
    for (const format of FORMATS) {
      for (const text of [assess(read(DOCUMENTS[0]), { format }), progress(read(EARLIER), read(LATER), { format })]) {
        assert.ok(text.endsWith("\n") && !text.endsWith("\n\n"), `${format}: ${JSON.stringify(text.slice(-12))}`);
      }
    }
  });

  it("defaults to JSON, with or without options", () => {
    const file = DOCUMENTS[0];
    const json = stdout("assess", [file, "--format", "json"]);
    assert.equal(assess(read(file)), json);
    assert.equal(assess(read(file), {}), json);
    assert.equal(assess(read(file), { format: undefined, rubric: null }), json);
  });
});

describe("progress", () => {
  for (const format of FORMATS) {
    it(`as ${format}`, () => {
      assert.equal(
        progress(read(EARLIER), read(LATER), { format }),
        stdout("assess", [LATER, "--since", EARLIER, "--format", format]),
      );
    });
  }
  it("with a rubric and a target", () => {
    for (const rubric of RUBRICS) {
      assert.equal(
        progress(read(EARLIER), read(LATER), { rubric: read(rubric), target: "integration" }),
        stdout("assess", [LATER, "--since", EARLIER, "--rubric", rubric, "--target", "integration", "--format", "json"]),
      );
    }
  });
});

describe("planTemplate and the plan option of progress", () => {
  const PLAN = "examples/plans/early-years-network-plan.json";
  for (const file of DOCUMENTS) {
    it(`${file}: the template in every format`, () => {
      for (const format of ["json", "csv", "markdown", "html"]) {
        const out = example("assess", [file, "--plan-template", "--format", format]);
        if (out.status === 0) {
          assert.equal(planTemplate(read(file), { format }), out.stdout);
        } else {
          throwsWith(() => planTemplate(read(file), { format }),
            refusal("assess", [file, "--plan-template", "--format", format], file));
        }
      }
    });
  }
  it("defaults to JSON, and takes a rubric and a target", () => {
    assert.equal(planTemplate(read(EARLIER)), stdout("assess", [EARLIER, "--plan-template"]));
    for (const rubric of RUBRICS) {
      assert.equal(
        planTemplate(read(EARLIER), { rubric: read(rubric), target: "integration", format: "csv" }),
        stdout("assess", [EARLIER, "--plan-template", "--rubric", rubric, "--target", "integration", "--format", "csv"]),
      );
    }
  });
  for (const format of FORMATS) {
    it(`progress with the plan as ${format}`, () => {
      assert.equal(
        progress(read(EARLIER), read(LATER), { format, plan: read(PLAN) }),
        stdout("assess", [LATER, "--since", EARLIER, "--plan", PLAN, "--format", format]),
      );
    });
  }
  it("a plan as CSV text or bytes gives the same report", () => {
    const csv = planTemplate(read(EARLIER), { format: "csv" });
    withFile("plan.csv", csv, (path) => {
      const cli = stdout("assess", [LATER, "--since", EARLIER, "--plan", path, "--format", "json"]);
      assert.equal(progress(read(EARLIER), read(LATER), { plan: csv }), cli);
      assert.equal(progress(read(EARLIER), read(LATER), { plan: new TextEncoder().encode(csv) }), cli);
    });
  });
  it("a bad plan throws the crate's message", () => {
    const text = read(PLAN).replace('"secure_commitment"', '"pray"');
    withFile("plan.json", text, (path) => {
      throwsWith(() => progress(read(EARLIER), read(LATER), { plan: text }),
        refusal("assess", [LATER, "--since", EARLIER, "--plan", path], path));
    });
    throwsWith(() => planTemplate(read(EARLIER), { format: "svg" }),
      'unknown plan format "svg"; expected one of: json, csv, markdown, html');
    throwsWith(() => progress(read(EARLIER), read(LATER), { plan: 3 }), "plan: expected a string or a Uint8Array");
  });
});

describe("readResponses", () => {
  const hub = stdout("assess", ["examples/data/child-protection-hub.json", "--format", "json"]);
  for (const { file, options } of EXPORTS) {
    it(file, () => {
      const data = new Uint8Array(readFileSync(join(root, file)));
      const document = readResponses(read(PARTNERSHIP), data, options);
      // A valid assessment document, ending with a newline, that gives the
      // report assess --responses prints.
      assert.ok(document.endsWith("}\n"));
      assert.equal(typeof JSON.parse(document).partnership, "string");
      const expected = stdout("assess", [PARTNERSHIP, "--responses", file, ...exportArgs(options), "--format", "json"]);
      assert.equal(assess(document), expected);
      if (!file.endsWith("child-protection-hub.csv")) assert.equal(expected, hub);
      // And the assessment reads back to the same document.
      withFile("assessment.json", document, (path) => {
        assert.equal(assess(document, { format: "markdown" }), stdout("assess", [path]));
      });
    });
  }
  it("reads a Buffer and an empty options object", () => {
    const data = readFileSync(join(root, "examples/survey/child-protection-hub.microsoft-forms.xlsx"));
    assert.equal(
      readResponses(read(PARTNERSHIP), data, { columns: QUESTIONS }),
      readResponses(read(PARTNERSHIP), new Uint8Array(data), { columns: QUESTIONS, sheet: "sheet1", ignoreColumns: [] }),
    );
  });
});

describe("readExport", () => {
  for (const { file, options } of EXPORTS) {
    it(file, () => {
      const data = new Uint8Array(readFileSync(join(root, file)));
      const got = readExport(read(PARTNERSHIP), data, options);
      // The document readResponses returns, and the line assess writes to
      // stderr about the rows left out ("" when none was).
      assert.equal(got.assessment, readResponses(read(PARTNERSHIP), data, options));
      const out = example("assess", [PARTNERSHIP, "--responses", file, ...exportArgs(options), "--format", "json"]);
      assert.equal(out.status, 0);
      assert.equal(got.leftOut, out.stderr.replace(/\n$/, ""));
      const counts = file.endsWith(".qualtrics.csv") ? { survey_preview: 1, survey_test: 1 } : {};
      assert.deepEqual({ ...got.leftOutCounts }, counts);
    });
  }
  it("reads every row when asked", () => {
    const file = EXPORTS.find(({ file }) => file.endsWith(".qualtrics.csv"));
    const data = new Uint8Array(readFileSync(join(root, file.file)));
    const got = readExport(read(PARTNERSHIP), data, { ...file.options, keepEveryRow: true });
    assert.equal(got.leftOut, "");
    assert.equal(JSON.parse(got.assessment).responses.length, 26);
    assert.equal(got.assessment, readResponses(read(PARTNERSHIP), data, { ...file.options, keepEveryRow: true }));
    throwsWith(() => readExport(read(PARTNERSHIP), data, { keepEveryRow: "yes" }), "keepEveryRow: expected true or false");
  });
});

describe("catalogue, schema, surveyTemplate", () => {
  it("catalogue", () => {
    assert.equal(catalogue(), stdout("catalogue", []));
    assert.equal(catalogue({}), stdout("catalogue", []));
    for (const rubric of RUBRICS) {
      assert.equal(catalogue({ rubric: read(rubric) }), stdout("catalogue", ["--rubric", rubric]));
    }
  });
  it("schema", () => {
    const dir = mkdtempSync(join(tmpdir(), "interagency-schemas-"));
    try {
      const written = stdout("export_schemas", [dir]).trim().split("\n");
      assert.equal(written.length, 8);
      for (const path of written) {
        const name = path.replace(/^.*\//, "").replace(/\.schema\.json$/, "");
        assert.equal(schema(name), readFileSync(path, "utf8"), name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("surveyTemplate", () => {
    assert.equal(surveyTemplate(), stdout("survey_template", []));
    assert.equal(surveyTemplate({ format: "markdown" }), stdout("survey_template", ["--format", "markdown"]));
    assert.equal(surveyTemplate({ format: "csv" }), stdout("survey_template", ["--format", "csv"]));
    for (const format of ["csv", "markdown"]) {
      assert.equal(
        surveyTemplate({ format, partnership: read(PARTNERSHIP) }),
        stdout("survey_template", ["--format", format, "--partnership", PARTNERSHIP]),
      );
    }
  });
});

describe("bad input throws an Error with the crate's message", () => {
  it("a document that is not JSON, or not an assessment", () => {
    for (const text of ["{", "[]", '{"partnership": "N", "agencies": {}}', "{}"]) {
      const message = withFile("bad.json", text, (path) => refusal("assess", [path], path));
      throwsWith(() => assess(text), message);
      throwsWith(() => progress(text, read(LATER)), message);
      throwsWith(() => progress(read(EARLIER), text), message);
    }
  });
  it("a bad rubric", () => {
    const text = '{"thresholds": 3}';
    withFile("rubric.json", text, (path) => {
      throwsWith(() => assess(read(DOCUMENTS[0]), { rubric: text }),
        refusal("assess", [DOCUMENTS[0], "--rubric", path], path));
      throwsWith(() => catalogue({ rubric: text }), refusal("catalogue", ["--rubric", path], path));
    });
  });
  it("rounds out of order", () => {
    const message = refusal("assess", [EARLIER, "--since", LATER], `${EARLIER} since ${LATER}`);
    throwsWith(() => progress(read(LATER), read(EARLIER)), message);
  });
  it("an unknown format or level", () => {
    throwsWith(() => assess(read(DOCUMENTS[0]), { format: "pdf" }),
      'unknown report format "pdf"; expected one of: json, markdown, svg, html');
    throwsWith(() => assess(read(DOCUMENTS[0]), { target: "partnership" }),
      'unknown level "partnership"; expected one of: cooperation, collaboration, coordination, integration');
    throwsWith(() => surveyTemplate({ format: "pdf" }),
      'unknown survey template format "pdf"; expected one of: csv, markdown');
    throwsWith(() => schema("survey"),
      'unknown schema "survey"; expected one of: assessment, report, classification, catalogue, rubric, progress, plan, cohort');
  });
  it("an export the partnership cannot read", () => {
    const file = "examples/survey/child-protection-hub.google-forms.csv";
    const data = new Uint8Array(readFileSync(join(root, file)));
    // Without the columns named, the CLI adds a hint on --column to the
    // crate's message.
    const message = refusal("assess", [PARTNERSHIP, "--responses", file], file);
    assert.throws(() => readResponses(read(PARTNERSHIP), data), (e) => {
      assert.ok(e instanceof Error);
      assert.ok(message === e.message || message.startsWith(`${e.message} (`), `${message} / ${e.message}`);
      return true;
    });
    throwsWith(() => readResponses(read(PARTNERSHIP), data, { columns: { team: "Team" } }),
      'unknown survey field "team"; expected one of: respondent, agency, role');
    withFile("partnership.json", "{", (path) => {
      throwsWith(() => readResponses("{", data), refusal("assess", [path, "--responses", file], path));
    });
  });
  it("options of the wrong type", () => {
    throwsWith(() => assess(read(DOCUMENTS[0]), { format: 3 }), "format: expected a string");
    throwsWith(() => readResponses(read(PARTNERSHIP), new Uint8Array(), { ignoreColumns: "Timestamp" }),
      "ignoreColumns: expected an array of strings");
  });
});

describe("the package's TypeScript declarations", () => {
  it("type-check a program that uses them (tsc --strict)", () => {
    const tsc = join(root, "bindings", "wasm", "node_modules", ".bin", "tsc");
    execFileSync(tsc, ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--target", "es2022", join(root, "bindings", "wasm", "test", "types.ts")], { stdio: "inherit" });
  });
});

describe("cohort", () => {
  const COHORT = files("examples/cohort", ".json");
  const FOCUS = "examples/cohort/fernhill.json";
  const texts = COHORT.map(read);
  for (const format of FORMATS) {
    it(`as ${format}, with a focus and without`, () => {
      assert.equal(cohort(texts, { format }), stdout("cohort", ["examples/cohort", "--format", format]));
      assert.equal(
        cohort(texts, { format, focus: read(FOCUS) }),
        stdout("cohort", ["examples/cohort", "--focus", FOCUS, "--format", format]),
      );
    });
  }
  it("defaults to JSON, and takes a rubric", () => {
    assert.equal(cohort(texts), stdout("cohort", ["examples/cohort", "--format", "json"]));
    for (const rubric of RUBRICS) {
      assert.equal(
        cohort(texts, { rubric: read(rubric), format: "markdown" }),
        stdout("cohort", ["examples/cohort", "--rubric", rubric]),
      );
    }
  });
  it("refuses what the command line refuses, with the crate's message", () => {
    const few = example("cohort", COHORT.slice(0, 4));
    assert.equal(few.status, 2);
    throwsWith(() => cohort(texts.slice(0, 4)), few.stderr.replace(/^cohort: /, "").replace(/\n$/, ""));
    throwsWith(() => cohort([...texts, texts[0]]),
      `partnership: ${JSON.stringify(JSON.parse(texts[0]).partnership)} is in both documents[0] and documents[6]; ` +
        "a cohort takes one round of each partnership");
    withFile("bad.json", "{", (path) => {
      const message = refusal("cohort", [...COHORT, path], path);
      throwsWith(() => cohort([...texts, "{"]), `documents[6]: ${message}`);
      throwsWith(() => cohort(texts, { focus: "{" }), `focus: ${message}`);
    });
    throwsWith(() => cohort(texts, { format: "pdf" }),
      'unknown report format "pdf"; expected one of: json, markdown, svg, html');
  });
});
