import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb, openFor } from "@/tests/fixtures";
import { loadCaseSummary } from "./case-summary";
import type { Actor } from "@/lib/policy";
import { renderCaseSummaryPdf, type SummaryWords } from "./pdf";
import { SUMMARY_SECTION_NAMES } from "./sections";
import en from "@/messages/en.json";
import { taskTitle as titleOf } from "@/lib/tasks/titles";

const englishRules = Object.assign((key: string) => (en.tasks.rules as Record<string, string>)[key], { has: (key: string) => key in en.tasks.rules });

// Words as the route gives them, from the English messages (ICU plurals reduced to their "other" form).
const english: SummaryWords = {
  label: (key, values = {}) =>
    (en.summary.pdf as Record<string, string>)[key]
      .replace(/\{count, plural, one \{# day\} other \{# days\}\}/, "{count} days")
      .replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? "")),
  relationship: (v) => v.toLowerCase(),
  sex: (v) => v.toLowerCase(),
  status: (v) => v.toLowerCase(),
  proceedingType: (v) => v,
  stage: (v) => v,
  hearingPurpose: (v) => v,
  documentType: (v) => v,
  country: (c) => c,
  taskTitle: (task) => titleOf(task, englishRules),
};

/** The PDF's page count and text, as poppler reads them. */
function readPdf(pdf: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "summary-")), "summary.pdf");
  fs.writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  return { pages, text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }) };
}

let caseId: string;
let code: string;
let caseworker: Actor;
const name = `Nguyễn Thị Summary ${tag()}`;

beforeAll(async () => {
  const team = await makeTeam("Summary");
  caseworker = await makeUser("CASEWORKER", team.id);
  const created = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: name, unhcrNumber: "UN-555-777" } });
  caseId = created.id;
  code = created.code;
  const person = await testDb.person.findFirstOrThrow({ where: { caseId } });
  const facility = await testDb.facility.findFirstOrThrow({ where: { kind: "BANGKOK_IDC" } });
  // Far more detention history than one page holds.
  await testDb.detentionEpisode.createMany({
    data: Array.from({ length: 80 }, (_, i) => ({
      caseId,
      personId: person.id,
      facilityId: facility.id,
      startedOn: new Date(Date.UTC(2000 + Math.floor(i / 4), (i % 4) * 3, 1)),
      releasedOn: new Date(Date.UTC(2000 + Math.floor(i / 4), (i % 4) * 3, 20)),
    })),
  });
  await testDb.proceeding.create({ data: { caseId, type: "UNHCR_RSD", stage: "INTERVIEWED" } });
});

describe("case summary PDF", () => {
  it("is pseudonymised by default: no name, no UNHCR number", async () => {
    const summary = await loadCaseSummary(await openFor(caseworker, code), { sections: ["household", "proceedings"], identifying: false, purpose: null });
    const { pages, text } = readPdf(await renderCaseSummaryPdf(summary, english));
    expect(pages).toBe(1);
    expect(text).toContain(`Case summary ${code}`);
    expect(text).toContain("principal · female · born 1980 · VN");
    expect(text).toContain("UNHCR_RSD: INTERVIEWED");
    expect(text).not.toContain(name.split(" ").at(-1));
    expect(text).not.toContain("UN-555-777");
    expect(text).not.toContain("Detention"); // a section not chosen
  });

  it("includes names (with Vietnamese accents intact) only when asked", async () => {
    const summary = await loadCaseSummary(await openFor(caseworker, code), { sections: ["household"], identifying: true, purpose: "medical referral" });
    const { text } = readPdf(await renderCaseSummaryPdf(summary, english));
    expect(text).toContain(name);
    expect(text).toContain("UNHCR UN-555-777");
  });

  it("prints a North Korean name in Hangul as written, with its Latin spelling, in fonts that have the glyphs (issue 18, item 4)", async () => {
    const team = await makeTeam("Summary KP");
    const created = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: "Kim Chol Su", nativeName: "김철수", nationality: "KP" } });
    const worker = await makeUser("CASEWORKER", team.id);
    await testDb.case.update({ where: { id: created.id }, data: { caseworkerId: worker.id } });
    const summary = await loadCaseSummary(await openFor(worker, created.code), { sections: ["household"], identifying: true, purpose: "resettlement" });
    const pdf = await renderCaseSummaryPdf(summary, english);
    const { text } = readPdf(pdf);
    expect(text).toContain("Kim Chol Su");
    expect(text).toContain("김철수");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "summary-")), "kp.pdf");
    fs.writeFileSync(file, pdf);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toContain("NotoSansKR");
    expect(fonts).toContain("Sarabun");
    // Thai copies out as written: SARA AM stays one character, and SARA AA beside it is kept (issue 18, item 7).
    const thai: SummaryWords = { ...english, label: (key, values) => (key === "title" ? "สรุปคดี คำ ทำงาน น้ำ" : english.label(key, values)) };
    expect(readPdf(await renderCaseSummaryPdf(summary, thai)).text).toContain("สรุปคดี คำ ทำงาน น้ำ");
  });

  it("stays on one page however long the case, every section kept, saying what was left out", async () => {
    const summary = await loadCaseSummary(await openFor(caseworker, code), { sections: [...SUMMARY_SECTION_NAMES], identifying: false, purpose: null });
    expect(summary.detention).toHaveLength(80);
    const { pages, text } = readPdf(await renderCaseSummaryPdf(summary, english));
    expect(pages).toBe(1);
    const more = /… and (\d+) more not shown on this page\./.exec(text);
    expect(more).not.toBeNull();
    // Every episode is either on the page or counted in the "more" line.
    const shown = text.split("\n").filter((line) => /^\s*• .*: \d{4}-\d{2}-\d{2} – /.test(line)).length;
    expect(shown).toBe(5); // the most recent episodes; the other sections keep their room
    expect(Number(more![1])).toBe(75);
    expect(text).toContain("2019-10-01"); // the latest episode
    expect(text).toContain("UNHCR_RSD: INTERVIEWED");
    expect(text).toContain("Prepared with Waypoint on");
  });

  it("renders Thai labels", async () => {
    const summary = await loadCaseSummary(await openFor(caseworker, code), { sections: ["journey"], identifying: false, purpose: null });
    const { text } = readPdf(await renderCaseSummaryPdf(summary, { ...english, label: (key, values) => (key === "journey" ? "การเดินทาง" : english.label(key, values)) }));
    expect(text).toContain("การเดินทาง");
  });
});
