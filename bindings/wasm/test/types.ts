// Type-checked by the tests (tsc --strict --noEmit): the package's
// declarations describe its functions, options and documents.
import {
  assess, catalogue, planTemplate, progress, readExport, readResponses, schema, surveyTemplate,
  type Assessment, type GapReport, type Plan, type PlanTemplateOptions, type ProgressReport,
  type ReadExport, type ReportOptions, type ResponsesOptions,
  type SchemaName,
  cohort, type CohortOptions, type CohortReport,
} from "interagency";

const options: ReportOptions = { rubric: null, target: "coordination", format: "markdown" };
const text: string = assess("{}", options);
const report: GapReport = JSON.parse(assess(text));
const change: ProgressReport = JSON.parse(progress(text, text, { format: "json" }));
const reading: ResponsesOptions = {
  ignoreColumns: ["Timestamp"],
  columns: { agency: "Which agency do you work for?", role: "What is your role?" },
  sheet: "Sheet1",
  keepEveryRow: false,
};
const assessment: Assessment = JSON.parse(readResponses("{}", new Uint8Array(), reading));
const read: ReadExport = readExport("{}", new Uint8Array(), reading);
const leftOut: string = read.leftOut + Object.keys(read.leftOutCounts).join(",") + read.assessment;
const names: SchemaName[] = [
  "assessment", "report", "classification", "catalogue", "rubric", "progress", "plan", "cohort",
];
const planning: PlanTemplateOptions = { target: "coordination", format: "csv" };
const plan: Plan = JSON.parse(planTemplate(text, { format: "json" }));
const reviewed: ProgressReport = JSON.parse(progress(text, text, { plan: JSON.stringify(plan) }));
const fromSheet: string = progress(text, text, { plan: new Uint8Array(), format: "markdown" }) + planTemplate(text, planning);
const cohortOptions: CohortOptions = { focus: text, rubric: null, format: "markdown" };
const summed: CohortReport = JSON.parse(cohort([text, text], { focus: null }));
const percentile: number | null | undefined = summed.focus?.facilitators[0].percentile;
const drawn: string = cohort([text], cohortOptions);
const schemas: string[] = names.map(schema);
const template: string = surveyTemplate({ format: "csv", partnership: text }) + catalogue({ rubric: undefined });
// @ts-expect-error: not a report format
assess(text, { format: "pdf" });
// @ts-expect-error: documents are a list of texts
cohort(text);
// @ts-expect-error: not a schema
schema("survey");
// @ts-expect-error: bytes, not text
readResponses(text, text);
// @ts-expect-error: a plan has no chart
planTemplate(text, { format: "svg" });

export const used = [
  report, change, assessment, schemas, template, leftOut, plan, reviewed, fromSheet, summed, percentile,
  drawn,
];
