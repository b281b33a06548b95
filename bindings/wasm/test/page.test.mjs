// The offline page as a coordinator uses it: opened from disk in Chromium
// with the network off, the round's files picked (in either box, in any
// order, or together), the report read in the page; keyboard, axe-core and
// the Nu HTML Checker.
//
// Needs Chromium (CHROMIUM, default /usr/bin/chromium) and Java. Writes
// screenshots into target/screenshots/.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";

import puppeteer from "puppeteer-core";

import { EXPORTS, exportArgs, root, stdout } from "./cli.mjs";

const here = join(root, "bindings", "wasm");
const pagePath = join(here, "dist", "interagency.html");
const pageUrl = pathToFileURL(pagePath).href;
const shots = join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "screenshots");
const PARTNERSHIP = "examples/survey/child-protection-hub.partnership.json";
const CSV = "examples/survey/child-protection-hub.csv";

let browser;
let profile;
/** Requests the page tried that were neither file:, data: nor blob:. */
const outside = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "interagency-chromium-"));
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--allow-file-access-from-files",
    ],
  });
});

after(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** A new tab on the page, offline, failing and recording any request
 * that would leave the computer. */
async function open() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 1400 });
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (/^(file|data|blob|about):/.test(url)) {
      request.continue();
    } else {
      outside.push(url);
      request.abort("internetdisconnected");
    }
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(pageUrl, { waitUntil: "load" });
  page.errors = errors;
  return page;
}

/** Picks files in the page's file inputs: by input, a path of the
 * repository or several (absolute paths as they are). */
async function pick(page, files) {
  for (const [id, paths] of Object.entries(files)) {
    const input = await page.$(`#${id}`);
    await input.uploadFile(...[paths].flat().map((path) => resolve(root, path)));
  }
}

/** The page's message, once it shows one. */
async function refusal(page) {
  await page.waitForFunction(() => document.querySelector("#error").textContent !== "");
  assert.equal(await page.$eval("#result", (e) => e.hidden), true);
  return page.$eval("#error", (e) => e.textContent);
}

/** What the page lists the picked files as, once it lists `count`. */
async function kinds(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll("#kinds li").length === n, {}, count);
  return page.$$eval("#kinds li", (items) => items.map((item) => item.textContent));
}

/** The report's text, once the page shows it, and the frame. */
async function reportText(page) {
  await page.waitForSelector("#result:not([hidden])", { timeout: 30000 });
  const frame = await (await page.$("#report")).contentFrame();
  await frame.waitForSelector("h1");
  return frame.evaluate(() => document.body.innerText);
}

describe("the offline page", () => {
  it("is one file that loads nothing from elsewhere", () => {
    const html = readFileSync(pagePath, "utf8");
    assert.doesNotMatch(html, /\bfetch\s*\(/);
    assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(?!#|blob:|data:)[a-z]+:/i);
    assert.doesNotMatch(html, /[^a-zA-Z]url\(\s*["']?(?!data:)/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]*\s(src|href)=/i);
  });

  it("shows the report of a partnership and its CSV export", async () => {
    const page = await open();
    await pick(page, { files: PARTNERSHIP, "more-files": CSV });
    await page.type("#ignore-columns", "Timestamp");
    await page.click("#show");
    const text = await reportText(page);
    assert.match(text, /Northgate Child Protection Hub/);
    assert.match(text, /Level sustained\s+Collaboration \(level 2 of 4\)/);
    assert.match(text, /Every arrangement of coordination and of every level below it is in place\./);
    // The report in the page is the crate's, byte for byte.
    const expected = stdout("assess", [PARTNERSHIP, "--responses", CSV, "--ignore-column", "Timestamp", "--format", "html"]);
    assert.equal(await page.$eval("#report", (frame) => frame.srcdoc), expected);
    // A link saves it, from a Blob URL.
    const link = await page.$eval("#save-report", (a) => ({ href: a.href, download: a.download }));
    assert.match(link.href, /^blob:/);
    assert.equal(link.download, "child-protection-hub-report.html");
    const downloads = mkdtempSync(join(tmpdir(), "interagency-downloads-"));
    try {
      const cdp = await browser.target().createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
      await page.click("#save-report");
      const saved = join(downloads, link.download);
      for (let i = 0; i < 100 && !existsSync(saved); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(readFileSync(saved, "utf8"), expected);
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
    await page.screenshot({ path: join(shots, "offline-page.png"), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("reads the spreadsheet export, a whole assessment and an earlier round", async () => {
    const xlsx = EXPORTS.find(({ file }) => file.endsWith(".xlsx"));
    let page = await open();
    await pick(page, { files: PARTNERSHIP, "more-files": xlsx.file });
    await page.type("#agency-column", xlsx.options.columns.agency);
    await page.type("#role-column", xlsx.options.columns.role);
    await page.type("#sheet", xlsx.options.sheet);
    await page.click("#show");
    await reportText(page);
    assert.equal(
      await page.$eval("#report", (frame) => frame.srcdoc),
      stdout("assess", [PARTNERSHIP, "--responses", xlsx.file, ...exportArgs(xlsx.options), "--format", "html"]),
    );
    // No row left out: no line about it.
    assert.equal(await page.$eval("#left-out", (p) => p.hidden), true);
    await page.close();

    page = await open();
    const later = "examples/data/early-years-network-2027.json";
    const earlier = "examples/data/early-years-network.json";
    await pick(page, { files: later, earlier, rubric: "examples/rubrics/statutory.json" });
    await page.select("#target", "integration");
    await page.click("#show");
    await reportText(page);
    assert.equal(
      await page.$eval("#report", (frame) => frame.srcdoc),
      stdout("assess", [later, "--since", earlier, "--rubric", "examples/rubrics/statutory.json",
        "--target", "integration", "--format", "html"]),
    );
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("reviews an action plan, JSON or a spreadsheet's CSV, beside the two rounds", async () => {
    const later = "examples/data/early-years-network-2027.json";
    const earlier = "examples/data/early-years-network.json";
    const plan = "examples/plans/early-years-network-plan.json";
    const expected = stdout("assess", [later, "--since", earlier, "--plan", plan, "--format", "html"]);
    let page = await open();
    await pick(page, { files: later, earlier, plan });
    await page.click("#show");
    const text = await reportText(page);
    assert.match(text, /What the plan said, and what moved/);
    assert.match(text, /within the uncertainty/);
    assert.equal(await page.$eval("#report", (frame) => frame.srcdoc), expected);
    assert.deepEqual(page.errors, []);
    await page.close();

    // The same plan kept as CSV gives the same page.
    const dir = mkdtempSync(join(tmpdir(), "interagency-plan-"));
    try {
      const csv = join(dir, "plan.csv");
      writeFileSync(csv, "Action,Tip,Addresses,Owner,Due,Status,Note\n" +
        "a1,Agree a documented plan,Clarity of purpose and roles; Time not prioritised,Network coordinator,2026-06-30,Done,Terms of reference agreed at the June network meeting\n" +
        "a2,Secure commitment,Time not prioritised,\"Chair, HSE early years\",2026-09-30,Started,Protected time agreed by two of the three managers so far\n" +
        "a3,Identify the rationale and target outcomes,Common outcomes; Clarity of purpose and roles,Public health nurse manager,2026-12-31,Done,\n" +
        "a4,Share agency information,Overlap and gaps tackled; Clarity of purpose and roles,County childcare committee,,Dropped,The committee's service directory already does this\n");
      page = await open();
      await pick(page, { files: later, earlier, plan: csv });
      await page.click("#show");
      await reportText(page);
      assert.equal(await page.$eval("#report", (frame) => frame.srcdoc), expected);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // A plan needs the earlier round.
    page = await open();
    await pick(page, { files: later, plan });
    await page.click("#show");
    assert.match(await refusal(page), /early-years-network-plan\.json is an action plan, reviewed at this round against the earlier one: pick the earlier round's assessment document too\./);
    await page.close();

    // A plan of another partnership: the crate's message, naming both.
    page = await open();
    await pick(page, { files: "examples/data/child-protection-hub.json", earlier: "examples/data/child-protection-hub.json", plan });
    await page.click("#show");
    assert.match(await refusal(page), /the plan is for "Ballyfoyle Early Years Network", and the later round is of "Northgate Child Protection Hub"/);
    await page.close();

    // The progress page with the plan, opened on its own: axe-core, and a
    // screenshot to look at.
    const file = join(shots, "progress-with-plan.html");
    writeFileSync(file, expected);
    page = await open();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8"));
    const results = await page.evaluate(async () => window.axe.run(document));
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    await page.screenshot({ path: join(shots, "progress-with-plan.png"), fullPage: true });
    await page.close();
  });

  it("says above the report which rows of the export were left out", async () => {
    const qualtrics = EXPORTS.find(({ file }) => file.endsWith(".qualtrics.csv"));
    const page = await open();
    await pick(page, { files: PARTNERSHIP, "more-files": qualtrics.file });
    await page.type("#agency-column", qualtrics.options.columns.agency);
    await page.type("#role-column", qualtrics.options.columns.role);
    await page.click("#show");
    await reportText(page);
    assert.equal(
      await page.$eval("#report", (frame) => frame.srcdoc),
      stdout("assess", [PARTNERSHIP, "--responses", qualtrics.file, ...exportArgs(qualtrics.options), "--format", "html"]),
    );
    assert.equal(await page.$eval("#left-out", (p) => p.hidden), false);
    assert.equal(await page.$eval("#left-out", (p) => p.textContent), "left out 2 rows: 1 survey preview, 1 survey test");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("shows the crate's message when an input is refused", async () => {
    const page = await open();
    await pick(page, { files: PARTNERSHIP, "more-files": "examples/survey/child-protection-hub.google-forms.csv" });
    await page.click("#show");
    await page.waitForFunction(() => document.querySelector("#error").textContent !== "");
    const message = await page.$eval("#error", (e) => ({ role: e.getAttribute("role"), text: e.textContent }));
    assert.equal(message.role, "alert");
    // The crate's message, as the package's readResponses throws it.
    const { readResponses } = await import("interagency");
    let crate;
    try {
      readResponses(readFileSync(join(root, PARTNERSHIP), "utf8"),
        readFileSync(join(root, "examples/survey/child-protection-hub.google-forms.csv")));
    } catch (e) {
      crate = e.message;
    }
    assert.ok(crate, "the export should be refused without its columns named");
    assert.ok(message.text.endsWith(crate), `${message.text} / ${crate}`);
    assert.equal(await page.$eval("#result", (e) => e.hidden), true);
    await page.screenshot({ path: join(shots, "offline-page-error.png") });
    await page.close();
  });

  it("takes a whole assessment in either box (or both: a file picked twice counts once)", async () => {
    const whole = "examples/data/child-protection-hub.json";
    const expected = stdout("assess", [whole, "--format", "html"]);
    for (const files of [{ files: whole }, { "more-files": whole }, { files: whole, "more-files": whole }]) {
      const page = await open();
      await pick(page, files);
      assert.deepEqual(await kinds(page, 1), ["child-protection-hub.json: read as a whole assessment document"]);
      await page.click("#show");
      await reportText(page);
      assert.equal(await page.$eval("#report", (frame) => frame.srcdoc), expected, Object.keys(files).join(", "));
      assert.equal(await page.$eval("#save-report", (a) => a.download), "child-protection-hub-report.html");
      assert.equal(await page.$eval("#save-assessment", (a) => a.hidden), true);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it("takes the partnership and the export in either order", async () => {
    const page = await open();
    await pick(page, { files: CSV, "more-files": PARTNERSHIP });
    assert.deepEqual(await kinds(page, 2), [
      "child-protection-hub.csv: read as a survey export (CSV)",
      "child-protection-hub.partnership.json: read as a partnership document",
    ]);
    await page.type("#ignore-columns", "Timestamp");
    await page.click("#show");
    await reportText(page);
    assert.equal(await page.$eval("#report", (frame) => frame.srcdoc),
      stdout("assess", [PARTNERSHIP, "--responses", CSV, "--ignore-column", "Timestamp", "--format", "html"]));
    assert.equal(await page.$eval("#save-report", (a) => a.download), "child-protection-hub-report.html");
    assert.equal(await page.$eval("#save-assessment", (a) => a.download), "child-protection-hub.json");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("takes the round's files picked together, a spreadsheet among them", async () => {
    const xlsx = EXPORTS.find(({ file }) => file.endsWith(".xlsx"));
    const page = await open();
    assert.equal(await page.$eval("#files", (input) => input.multiple), true);
    await pick(page, { files: [xlsx.file, PARTNERSHIP] });
    assert.deepEqual(await kinds(page, 2), [
      "child-protection-hub.microsoft-forms.xlsx: read as a survey export (spreadsheet)",
      "child-protection-hub.partnership.json: read as a partnership document",
    ]);
    await page.type("#agency-column", xlsx.options.columns.agency);
    await page.type("#role-column", xlsx.options.columns.role);
    await page.type("#sheet", xlsx.options.sheet);
    await page.click("#show");
    await reportText(page);
    assert.equal(
      await page.$eval("#report", (frame) => frame.srcdoc),
      stdout("assess", [PARTNERSHIP, "--responses", xlsx.file, ...exportArgs(xlsx.options), "--format", "html"]),
    );
    await page.screenshot({ path: join(shots, "offline-page-files.png"), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("says in plain words which files cannot make an assessment together", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "interagency-files-"));
    try {
      const empty = join(scratch, "answers.csv");
      writeFileSync(empty, "");
      const other = join(scratch, "other.partnership.json");
      writeFileSync(other, readFileSync(join(root, PARTNERSHIP)));
      const whole = "examples/data/child-protection-hub.json";
      const xlsx = "examples/survey/child-protection-hub.microsoft-forms.xlsx";
      const cases = [
        [{ files: [PARTNERSHIP, other] },
          "child-protection-hub.partnership.json and other.partnership.json are both partnership documents: " +
          "pick one, with the round's survey export."],
        [{ files: [PARTNERSHIP, CSV], "more-files": xlsx },
          "child-protection-hub.csv and child-protection-hub.microsoft-forms.xlsx both look like survey exports " +
          "(they are not JSON documents): pick one, with the partnership document."],
        [{ files: [whole, "examples/data/early-years-network.json", "examples/data/early-years-network-2027.json"] },
          "child-protection-hub.json, early-years-network.json and early-years-network-2027.json are all whole " +
          "assessment documents: pick one. An earlier round's goes in the box for the earlier round, below."],
        [{ "more-files": CSV },
          "child-protection-hub.csv looks like a survey export (it is not a JSON document): " +
          "pick the partnership document (JSON) with it, which names the agencies that answered."],
        [{ files: PARTNERSHIP },
          "child-protection-hub.partnership.json is a partnership document: pick the round's survey export " +
          "(CSV or spreadsheet) with it, or a whole assessment document instead."],
        [{ files: CSV, "more-files": [whole, PARTNERSHIP] },
          "child-protection-hub.json is a whole assessment document, which holds its responses already: " +
          "pick it alone, without child-protection-hub.csv and child-protection-hub.partnership.json, " +
          "or pick the partnership document and the survey export without it."],
        [{ files: [PARTNERSHIP, empty] }, "answers.csv is empty: pick the file that holds the round's data."],
        [{}, "Pick the round's files: a whole assessment document, or the partnership document and the survey export."],
      ];
      for (const [files, message] of cases) {
        const page = await open();
        await pick(page, files);
        await page.click("#show");
        assert.equal(await refusal(page), `The report could not be made. ${message}`);
        assert.deepEqual(page.errors, []);
        if (files.files?.includes?.(empty)) {
          await page.screenshot({ path: join(shots, "offline-page-files-refused.png") });
        }
        await page.close();
      }
      // A file gone from the disk between the pick and the report.
      const gone = join(scratch, "gone.csv");
      writeFileSync(gone, readFileSync(join(root, CSV)));
      const page = await open();
      await pick(page, { files: [PARTNERSHIP, gone] });
      await kinds(page, 2);
      rmSync(gone);
      await page.click("#show");
      assert.equal(await refusal(page), "The report could not be made. gone.csv could not be read: " +
        "it may have been moved, changed or deleted since it was picked. Pick it again.");
      await page.close();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("works with the keyboard: every input reachable by Tab, and labelled", async () => {
    const page = await open();
    const inputs = await page.$$eval("input, select, textarea, button", (elements) =>
      elements.map((e) => ({ id: e.id, label: e.labels?.[0]?.textContent.trim() ?? "" })));
    const reached = [];
    for (let i = 0; i < inputs.length + 5; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement?.id ?? "");
      if (id && !reached.includes(id)) reached.push(id);
    }
    for (const { id, label } of inputs) {
      assert.ok(reached.includes(id), `${id} not reached by Tab`);
      if (!["show", "show-cohort"].includes(id)) assert.ok(label, `${id} has no label`);
    }
    // The form submits from the keyboard too: Enter on the button.
    await pick(page, { files: "examples/data/child-protection-hub.json" });
    await page.focus("#show");
    await page.keyboard.press("Enter");
    assert.match(await reportText(page), /Northgate Child Protection Hub/);
    // The links and the report after it are reachable too.
    const after = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      after.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    assert.ok(after.includes("save-report"), after.join(", "));
    await page.close();
  });

  it("has no serious or critical axe-core finding, before and after a report", async () => {
    const axe = readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");
    const page = await open();
    const check = async (when) => {
      await page.evaluate(axe);
      const results = await page.evaluate(async () => window.axe.run(document));
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${when}: ${v.id}: ${v.help}`), []);
    };
    await check("empty");
    await pick(page, { files: PARTNERSHIP, "more-files": CSV });
    await kinds(page, 2);
    await page.click("#show");
    await reportText(page);
    await check("with the report");
    await page.close();
  });

  it("shows the report of a cohort, with a focus, as the crate writes it", async () => {
    const cohort = ["ardmore", "ballinteer", "carrowmore", "dunmore", "eskerbrook", "fernhill"]
      .map((name) => `examples/cohort/${name}.json`);
    const focus = "examples/cohort/fernhill.json";
    const page = await open();
    // Picked in any order: read in the order of their names.
    await pick(page, { "cohort-files": [...cohort].reverse(), "cohort-focus": focus });
    await page.click("#show-cohort");
    await page.waitForSelector("#cohort-result:not([hidden])", { timeout: 30000 });
    const expected = stdout("cohort", ["examples/cohort", "--focus", focus, "--format", "html"]);
    assert.equal(await page.$eval("#cohort-report", (frame) => frame.srcdoc), expected);
    const frame = await (await page.$("#cohort-report")).contentFrame();
    await frame.waitForSelector("h1");
    const text = await frame.evaluate(() => document.body.innerText);
    assert.match(text, /The weakest facilitators across the cohort are/);
    assert.match(text, /The practice tips recommended first to the most partnerships are/);
    assert.doesNotMatch(text, /Ardmore|Ballinteer|Carrowmore|Dunmore|Eskerbrook/);
    assert.equal(await page.$eval("#save-cohort", (a) => a.download), "cohort-report.html");
    await page.screenshot({ path: join(shots, "page-cohort.png"), fullPage: true });
    // axe-core on the page with the cohort report.
    const axe = readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");
    await page.evaluate(axe);
    const results = await page.evaluate(async () => window.axe.run(document));
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
    // In the report's own frame too.
    await frame.evaluate(axe);
    const inFrame = await frame.evaluate(async () => window.axe.run(document));
    const badInFrame = inFrame.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(badInFrame.map((v) => `${v.id}: ${v.help}`), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it("says why a cohort is refused, naming the files", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "interagency-cohort-"));
    try {
      const page = await open();
      await pick(page, { "cohort-files": ["examples/cohort/ardmore.json", "examples/cohort/dunmore.json"] });
      await page.click("#show-cohort");
      await page.waitForFunction(() => document.querySelector("#cohort-error").textContent !== "");
      assert.match(await page.$eval("#cohort-error", (e) => e.textContent), /at least 5 partnerships, got 2/);
      const copy = join(scratch, "zz-ardmore-again.json");
      writeFileSync(copy, readFileSync(join(root, "examples/cohort/ardmore.json")));
      const bad = join(scratch, "bad.json");
      writeFileSync(bad, "{");
      await pick(page, { "cohort-files": ["examples/cohort/ardmore.json", "examples/cohort/dunmore.json", copy] });
      await page.click("#show-cohort");
      await page.waitForFunction(() => /twice|both/.test(document.querySelector("#cohort-error").textContent));
      assert.match(await page.$eval("#cohort-error", (e) => e.textContent), /is in both ardmore\.json and zz-ardmore-again\.json/);
      await pick(page, { "cohort-files": ["examples/cohort/ardmore.json", bad] });
      await page.click("#show-cohort");
      await page.waitForFunction(() => /bad\.json: /.test(document.querySelector("#cohort-error").textContent));
      assert.equal(await page.$eval("#cohort-result", (e) => e.hidden), true);
      await page.close();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("is valid HTML (Nu HTML Checker)", () => {
    execFileSync("java", ["-jar", join(here, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
      "--errors-only", pagePath], { stdio: "inherit" });
  });

  it("made no request outside the computer", () => {
    assert.deepEqual(outside, []);
  });
});
