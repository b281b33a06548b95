// The offline page: reads the files picked, calls the package's functions
// (the module is inlined in the page) and shows the HTML report, or the
// crate's message when an input is refused.
"use strict";

(() => {
  const text = atob(INTERAGENCY_WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  wasm_bindgen.initSync({ module: bytes });
  const { assess, progress, readResponses } = wasm_bindgen;

  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const error = $("error");
  const result = $("result");
  const frame = $("report");
  const saveReport = $("save-report");
  const saveAssessment = $("save-assessment");
  let urls = [];

  /** The file picked in an input, or undefined. */
  const picked = (id) => $(id).files[0];
  /** A text box's value, or undefined when empty. */
  const value = (id) => $(id).value.trim() || undefined;

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

  async function show() {
    const assessmentFile = picked("assessment");
    const partnershipFile = picked("partnership");
    const responsesFile = picked("responses");
    const earlierFile = picked("earlier");
    const rubricFile = picked("rubric");
    const options = { format: "html", target: value("target") };
    if (rubricFile) options.rubric = await rubricFile.text();

    let assessment;
    let name;
    let fromSurvey = false;
    if (assessmentFile) {
      assessment = await assessmentFile.text();
      name = stem(assessmentFile);
    } else if (partnershipFile && responsesFile) {
      const columns = {};
      for (const field of ["respondent", "agency", "role"]) {
        const header = $(`${field}-column`).value.trim();
        if (header) columns[field] = header;
      }
      const ignoreColumns = $("ignore-columns").value.split("\n").map((line) => line.trim()).filter(Boolean);
      const partnership = await partnershipFile.text();
      const data = new Uint8Array(await responsesFile.arrayBuffer());
      assessment = attempt(`${partnershipFile.name} with ${responsesFile.name}`, () =>
        readResponses(partnership, data, { ignoreColumns, columns, scale: value("scale"), sheet: value("sheet") }));
      name = stem(partnershipFile).replace(/\.partnership$/, "");
      fromSurvey = true;
    } else {
      throw new Error(
        "Pick the partnership document and the survey export, or a whole assessment document.");
    }

    let html;
    if (earlierFile) {
      const earlier = await earlierFile.text();
      html = attempt(`the progress since ${earlierFile.name}`, () => progress(earlier, assessment, options));
      name += "-progress";
    } else {
      html = attempt(assessmentFile ? assessmentFile.name : "the assessment", () => assess(assessment, options));
    }

    for (const url of urls) URL.revokeObjectURL(url);
    urls = [];
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
