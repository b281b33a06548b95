// The offline page: reads the files picked, tells them apart by their
// content (whatever box they were picked in), calls the package's functions
// (the module is inlined in the page) and shows the HTML report; or says
// which files cannot make an assessment together, or the crate's message
// when an input is refused. Below, a cohort of partnerships' assessment
// documents makes the cohort report.
"use strict";

(() => {
  const text = atob(INTERAGENCY_WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  wasm_bindgen.initSync({ module: bytes });
  const { assess, progress, readExport } = wasm_bindgen;

  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const error = $("error");
  const result = $("result");
  const frame = $("report");
  const saveReport = $("save-report");
  const saveAssessment = $("save-assessment");
  const leftOut = $("left-out");
  let urls = [];

  /** The file picked in an input, or undefined. */
  const picked = (id) => $(id).files[0];
  /** A text box's value, or undefined when empty. */
  const value = (id) => $(id).value.trim() || undefined;
  /** The inputs of the round's files: any file in any of them. */
  const ROUND = ["files", "more-files"];

  /** A file's name for messages and downloads. */
  const stem = (file) => file.name.replace(/\.[^.]*$/, "");

  /** An error for the page: what was being read, and the crate's message. */
  class Refused extends Error {
    constructor(what, cause) {
      super(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }

  /** Calls `f`, naming `what` in its error. */
  function attempt(what, f) {
    try {
      return f();
    } catch (e) {
      throw new Refused(what, e);
    }
  }

  /** A Blob URL for a download, revoked when the next report replaces it. */
  function blobUrl(content, type) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    urls.push(url);
    return url;
  }

  /** The first bytes of a workbook: a zip archive (.xlsx, .ods) or an OLE
   * compound document (.xls), as the crate recognises them. */
  const SPREADSHEETS = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

  /** What the list of picked files calls each kind. */
  const KINDS = {
    assessment: "a whole assessment document",
    partnership: "a partnership document",
    spreadsheet: "a survey export (spreadsheet)",
    csv: "a survey export (CSV)",
  };

  /**
   * A round's file told apart by its content, not by its name or the box it
   * was picked in: `{ file, kind, bytes, text }`, where kind is
   * "assessment" (a JSON object with `responses`), "partnership" (any other
   * JSON document), "spreadsheet" (the bytes of a workbook) or "csv"
   * (anything else); text is the document's, bytes the export's. A JSON
   * document that does not parse is still one (it begins with "{"), read as
   * an assessment when it names `responses`, so that the crate says what
   * is wrong with it.
   */
  async function identify(file) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      throw new Error(`${file.name} could not be read: it may have been moved, changed or deleted since it was picked. ` +
        "Pick it again.");
    }
    if (bytes.length === 0) throw new Error(`${file.name} is empty: pick the file that holds the round's data.`);
    if (SPREADSHEETS.some((magic) => magic.every((byte, i) => bytes[i] === byte))) {
      return { file, kind: "spreadsheet", bytes };
    }
    // A document begins with "{", after a byte-order mark and white space.
    let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    while ([0x20, 0x09, 0x0a, 0x0d].includes(bytes[start])) start++;
    if (bytes[start] !== 0x7b) return { file, kind: "csv", bytes };
    // As File.text() reads it: UTF-8, the byte-order mark dropped.
    const text = new TextDecoder().decode(bytes);
    let responses;
    try {
      const parsed = JSON.parse(text);
      responses = parsed !== null && Object.hasOwn(parsed, "responses");
    } catch {
      responses = /"responses"\s*:/.test(text);
    }
    return { file, kind: responses ? "assessment" : "partnership", text };
  }

  /** Every file picked in the round's inputs, a file picked twice once. */
  function roundFiles() {
    const files = [];
    for (const id of ROUND) {
      for (const file of $(id).files) {
        const twice = files.some((f) => f.name === file.name && f.size === file.size && f.lastModified === file.lastModified);
        if (!twice) files.push(file);
      }
    }
    return files;
  }

  /** "a", "a and b", "a, b and c". */
  function names(found) {
    const all = found.map(({ file }) => file.name);
    return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
  }

  /** "both" of two files, "all" of more. */
  const every = (found) => (found.length === 2 ? "both" : "all");

  /**
   * The round's files sorted into what makes an assessment: `{ assessment }`
   * (one whole assessment document) or `{ partnership, responses }`; or an
   * Error, in plain words and naming the files, for any other combination.
   */
  function combine(found) {
    const of = (...kinds) => found.filter(({ kind }) => kinds.includes(kind));
    const assessments = of("assessment");
    const partnerships = of("partnership");
    const exports = of("csv", "spreadsheet");
    if (found.length === 0) {
      throw new Error("Pick the round's files: a whole assessment document, or the partnership document and the survey export.");
    }
    if (assessments.length > 1) {
      throw new Error(`${names(assessments)} are ${every(assessments)} whole assessment documents: pick one. ` +
        "An earlier round's goes in the box for the earlier round, below.");
    }
    if (assessments.length === 1) {
      if (found.length === 1) return { assessment: assessments[0] };
      const others = found.filter(({ kind }) => kind !== "assessment");
      throw new Error(`${assessments[0].file.name} is a whole assessment document, which holds its responses already: ` +
        `pick it alone, without ${names(others)}, or pick the partnership document and the survey export without it.`);
    }
    if (partnerships.length > 1) {
      throw new Error(`${names(partnerships)} are ${every(partnerships)} partnership documents: pick one, with the round's survey export.`);
    }
    if (exports.length > 1) {
      throw new Error(`${names(exports)} ${every(exports)} look like survey exports (they are not JSON documents): ` +
        "pick one, with the partnership document.");
    }
    if (exports.length === 0) {
      throw new Error(`${partnerships[0].file.name} is a partnership document: ` +
        "pick the round's survey export (CSV or spreadsheet) with it, or a whole assessment document instead.");
    }
    if (partnerships.length === 0) {
      throw new Error(`${exports[0].file.name} looks like a survey export (it is not a JSON document): ` +
        "pick the partnership document (JSON) with it, which names the agencies that answered.");
    }
    return { partnership: partnerships[0], responses: exports[0] };
  }

  /** Lists what each picked file is read as, as soon as it is picked (the
   * last pick's list, when picks overlap). */
  let listed = 0;
  async function list() {
    const turn = ++listed;
    const items = [];
    for (const file of roundFiles()) {
      try {
        const { kind } = await identify(file);
        items.push(`${file.name}: read as ${KINDS[kind]}`);
      } catch (e) {
        items.push(e.message);
      }
    }
    if (turn !== listed) return;
    $("kinds").replaceChildren(...items.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
  }

  async function show() {
    const earlierFile = picked("earlier");
    const rubricFile = picked("rubric");
    const options = { format: "html", target: value("target") };
    if (rubricFile) options.rubric = await rubricFile.text();

    const found = [];
    for (const file of roundFiles()) found.push(await identify(file));
    const round = combine(found);
    let assessment;
    let name;
    let fromSurvey = false;
    let leftOutLine = "";
    if (round.assessment) {
      assessment = round.assessment.text;
      name = stem(round.assessment.file);
    } else {
      const { partnership, responses } = round;
      const columns = {};
      for (const field of ["respondent", "agency", "role"]) {
        const header = $(`${field}-column`).value.trim();
        if (header) columns[field] = header;
      }
      const ignoreColumns = $("ignore-columns").value.split("\n").map((line) => line.trim()).filter(Boolean);
      const read = attempt(`${partnership.file.name} with ${responses.file.name}`, () =>
        readExport(partnership.text, responses.bytes, { ignoreColumns, columns, scale: value("scale"), sheet: value("sheet") }));
      assessment = read.assessment;
      leftOutLine = read.leftOut;
      name = stem(partnership.file).replace(/\.partnership$/, "");
      fromSurvey = true;
    }

    const planFile = picked("plan");
    if (planFile && !earlierFile) {
      throw new Error(`${planFile.name} is an action plan, reviewed at this round against the earlier one: ` +
        "pick the earlier round's assessment document too.");
    }
    let html;
    if (earlierFile) {
      const earlier = await earlierFile.text();
      let what = `the progress since ${earlierFile.name}`;
      if (planFile) {
        options.plan = new Uint8Array(await planFile.arrayBuffer());
        what += ` with the plan ${planFile.name}`;
      }
      html = attempt(what, () => progress(earlier, assessment, options));
      name += "-progress";
    } else {
      html = attempt(round.assessment ? round.assessment.file.name : "the assessment", () => assess(assessment, options));
    }

    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
    // The rows of the export that are no respondent's, said above the report.
    leftOut.textContent = leftOutLine;
    leftOut.hidden = !leftOutLine;
    frame.srcdoc = html;
    saveReport.href = blobUrl(html, "text/html");
    saveReport.download = `${name}-report.html`;
    saveAssessment.hidden = !fromSurvey;
    if (fromSurvey) {
      saveAssessment.href = blobUrl(assessment, "application/json");
      saveAssessment.download = `${name}.json`;
    }
    result.hidden = false;
  }

  for (const id of ROUND) $(id).addEventListener("change", () => list());

  // A cohort: many partnerships' assessment documents, read in the order of
  // their names, with a focus; the crate's messages name each document by
  // its place in the list, which the page turns back into its file's name.
  let cohortUrl;
  async function showCohort() {
    const files = [...$("cohort-files").files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (files.length === 0) throw new Error("Pick the assessment documents of five partnerships or more.");
    const texts = [];
    for (const file of files) texts.push(await file.text());
    const options = { format: "html" };
    const focusFile = picked("cohort-focus");
    if (focusFile) options.focus = await focusFile.text();
    const rubricFile = picked("cohort-rubric");
    if (rubricFile) options.rubric = await rubricFile.text();
    let html;
    try {
      html = wasm_bindgen.cohort(texts, options);
    } catch (e) {
      const named = String(e.message)
        .replace(/documents\[(\d+)\]/g, (_, i) => files[Number(i)].name)
        .replace(/^focus: /, focusFile ? `${focusFile.name}: ` : "focus: ");
      throw new Error(named);
    }
    if (cohortUrl) URL.revokeObjectURL(cohortUrl);
    cohortUrl = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    $("cohort-report").srcdoc = html;
    $("save-cohort").href = cohortUrl;
    $("save-cohort").download = "cohort-report.html";
    $("cohort-result").hidden = false;
  }

  $("cohort-form").addEventListener("submit", (event) => {
    event.preventDefault();
    $("cohort-error").textContent = "";
    showCohort().then(
      () => $("cohort-result-heading").scrollIntoView(),
      (e) => {
        $("cohort-result").hidden = true;
        $("cohort-error").textContent = `The cohort report could not be made. ${e.message}`;
        $("cohort-error").scrollIntoView({ block: "center" });
      },
    );
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.textContent = "";
    show().then(
      () => $("result-heading").scrollIntoView(),
      (e) => {
        result.hidden = true;
        error.textContent = `The report could not be made. ${e.message}`;
        error.scrollIntoView({ block: "center" });
      },
    );
  });
})();
