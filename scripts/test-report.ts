// Reading the JSON reports Vitest and Playwright write, for the runners
// (scripts/test.ts, scripts/cluster.ts): how many passed, how many failed,
// and which.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./environment";

// `failures` names what failed, repeated at the end of the run so that the
// last lines of a long CI log say which test to look at.
export type Counts = { passed: number; failed: number; failures?: string[] };

const firstLine = (text: string | undefined) => (text ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 300);

export function vitestCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, failures: ["vitest wrote no report"] };
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  type Assertion = { status: string; fullName: string; failureMessages?: string[] };
  type FileResult = { name: string; status: string; message?: string; assertionResults: Assertion[] };
  const files: FileResult[] = report.testResults ?? [];
  const relative = (name: string) => path.relative(ROOT, name);
  // A file that fails outside its tests (import error, failing beforeAll)
  // counts as one failure; skipped tests count as failures too, since the
  // suite must not skip anything.
  const brokenFiles = files.filter((r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed"));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failures = [
    ...files.flatMap((f) =>
      f.assertionResults.filter((a) => a.status !== "passed").map((a) => `${relative(f.name)} › ${a.fullName} (${a.status}): ${firstLine(a.failureMessages?.[0])}`),
    ),
    ...brokenFiles.map((f) => `${relative(f.name)} (file failed): ${firstLine(f.message)}`),
  ];
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles.length + skipped, failures };
}

export function playwrightCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, failures: ["playwright wrote no report"] };
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const stats = report.stats ?? {};
  type Spec = { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] };
  type Suite = { specs?: Spec[]; suites?: Suite[] };
  const specs = (suites: Suite[] = []): Spec[] => suites.flatMap((s) => [...(s.specs ?? []), ...specs(s.suites)]);
  const failures = [
    ...specs(report.suites).flatMap((spec) =>
      spec.tests.filter((t) => t.status !== "expected").map((t) => `${spec.file}:${spec.line} › ${spec.title} (${t.status}): ${firstLine(t.results.at(-1)?.error?.message)}`),
    ),
    ...(report.errors ?? []).map((e: { message?: string }) => `playwright: ${firstLine(e.message)}`),
  ];
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0) + (report.errors ?? []).length, failures };
}

/** Each failure on its own line, then the result line every runner ends with. */
export function printResult(totals: Counts) {
  for (const failure of totals.failures ?? []) console.log(`✘ ${failure}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
}
