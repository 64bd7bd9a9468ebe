import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { readTable, type Table } from "./read-table";
import { checkImport, runImport } from "./imports";
import { guessMapping } from "./fields";

let supervisor: Actor;
let teamId: string;

beforeAll(async () => {
  teamId = (await makeTeam("Import")).id;
  supervisor = await makeUser("SUPERVISOR", teamId);
});

const headers = ["Full name", "Date of birth", "Sex", "Nationality", "Ethnicity", "UNHCR no.", "Registered"];
async function batchOf(table: Table) {
  return testDb.importBatch.create({ data: { teamId, source: `test ${tag()}`, fileName: "cases.csv", table, rowsTotal: table.rows.length, createdById: supervisor.id } });
}
const describeMessage = (key: string) => key;
const casesNamed = (prefix: string) => testDb.case.count({ where: { principalName: { startsWith: prefix } } });

describe("spreadsheet import", () => {
  it("maps columns by their headers and checks every row with the intake rules", async () => {
    const run = tag();
    const table: Table = {
      headers,
      rows: [
        [`Pao Vang ${run}`, "1974", "M", "Laos", "Hmong", "", "02/04/2019"],
        ["", "1980", "F", "VN", "", "", ""],
        [`Mai Xiong ${run}`, "31/02/1990", "female", "Atlantis", "", "<bad>", "2099-01-01"],
      ],
    };
    const mapping = guessMapping(table.headers);
    expect(mapping).toMatchObject({ latinName: "Full name", dateOfBirth: "Date of birth", sex: "Sex", nationality: "Nationality", unhcrNumber: "UNHCR no.", openedOn: "Registered" });
    const check = await checkImport(supervisor, table, mapping);
    expect(check.valid.map((v) => v.row)).toEqual([2]);
    expect(check.valid[0].person).toMatchObject({ sex: "MALE", nationality: "LA" });
    expect(check.valid[0].openedOn).toBe("2019-04-02");
    expect(check.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, "Full name", "required"],
      [4, "Date of birth", "invalidDateOfBirth"],
      [4, "Nationality", "invalidChoice"],
      [4, "UNHCR no.", "invalidUnhcrNumber"],
      [4, "Registered", "dateOutOfRange"],
    ]);
  });

  it("all-or-nothing imports nothing when one row is wrong, and keeps a report of it", async () => {
    const run = tag();
    const rows = Array.from({ length: 20 }, (_, i) => [`Nguyen Van ${run} ${i}`, "1990", "M", "VN", "", "", ""]);
    rows[7][3] = "Narnia";
    const batch = await batchOf({ headers, rows });
    const result = await runImport(supervisor, batch, guessMapping(headers), { mode: "all", skipDuplicates: false }, null, describeMessage, () => {});
    expect(result).toEqual({ outcome: "refused", rejected: 1 });
    expect(await casesNamed(`Nguyen Van ${run}`)).toBe(0);
    const after = await testDb.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after.status).toBe("UPLOADED");
    expect(after.errorReport).toContain(`9,Nationality: invalidChoice,Nguyen Van ${run} 7`);
  });

  it("leaves nothing behind when the import fails part way", async () => {
    const run = tag();
    const rows = Array.from({ length: 2500 }, (_, i) => [`Tran Thi ${run} ${i}`, "1991", "F", "VN", "", "", ""]);
    const batch = await batchOf({ headers, rows });
    const failing = runImport(supervisor, batch, guessMapping(headers), { mode: "all", skipDuplicates: false }, null, describeMessage, (done) => {
      // The first 2,000 cases (one chunk) are written in the transaction; then the import fails.
      if (done === 2000) throw new Error("power cut");
    });
    await expect(failing).rejects.toThrow("power cut");
    expect(await casesNamed(`Tran Thi ${run}`)).toBe(0);
    expect(await testDb.auditLog.count({ where: { action: "case.create", detail: { path: ["batchId"], equals: batch.id } } })).toBe(0);
    expect((await testDb.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("UPLOADED");
  });

  it("valid rows only: imports the rest in one go with codes, audit rows and a report; a second run finds it done", async () => {
    const run = tag();
    const rows = Array.from({ length: 12 }, (_, i) => [`Ksor Y ${run} ${i}`, "1985", "M", "VN", "Jarai", "", "2020-05-01"]);
    rows[3][1] = "not a date";
    const batch = await batchOf({ headers, rows });
    const progress: number[] = [];
    const result = await runImport(supervisor, batch, guessMapping(headers), { mode: "valid", skipDuplicates: false }, null, describeMessage, (done) => progress.push(done));
    expect(result).toEqual({ outcome: "imported", imported: 11, rejected: 1 });
    expect(progress.at(-1)).toBe(11);
    const cases = await testDb.case.findMany({ where: { principalName: { startsWith: `Ksor Y ${run}` } }, select: { id: true, code: true, teamId: true, people: { select: { nameKeys: true, ethnicity: true } } } });
    expect(cases).toHaveLength(11);
    expect(new Set(cases.map((c) => c.code)).size).toBe(11);
    expect(cases.every((c) => c.code.startsWith("WP-2020-") && c.teamId === teamId && c.people[0].nameKeys !== "" && c.people[0].ethnicity === "Jarai")).toBe(true);
    expect(await testDb.auditLog.count({ where: { action: "case.create", caseId: { in: cases.map((c) => c.id) } } })).toBe(11);
    const after = await testDb.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after).toMatchObject({ status: "IMPORTED", rowsImported: 11, rowsRejected: 1, table: null });
    expect(after.errorReport).toContain("5,Date of birth: invalidDateOfBirth");
    await expect(runImport(supervisor, after, guessMapping(headers), { mode: "valid", skipDuplicates: false }, null, describeMessage, () => {})).rejects.toThrow("alreadyImported");
  });

  it("warns of rows that may be people already registered, and can leave them out", async () => {
    const run = tag();
    const first = await batchOf({ headers, rows: [[`Jeong Gyeong-hui ${run}`, "1990", "F", "KP", "", "", ""]] });
    await runImport(supervisor, first, guessMapping(headers), { mode: "all", skipDuplicates: false }, null, describeMessage, () => {});
    const [existing] = await testDb.case.findMany({ where: { principalName: `Jeong Gyeong-hui ${run}` }, select: { code: true } });
    const table: Table = { headers, rows: [[`Chung Kyung Hee ${run}`, "1991", "F", "North Korea", "", "", ""], [`Someone Else ${run}`, "1990", "F", "KP", "", "", ""]] };
    const check = await checkImport(supervisor, table, guessMapping(headers));
    expect(check.duplicates).toEqual([{ row: 2, cases: [{ code: existing.code }], sameAsRow: null }]);
    const second = await batchOf(table);
    expect(await runImport(supervisor, second, guessMapping(headers), { mode: "valid", skipDuplicates: true }, null, describeMessage, () => {})).toEqual({ outcome: "imported", imported: 1, rejected: 1 });
    expect(await casesNamed(`Chung Kyung Hee ${run}`)).toBe(0);
  });

  it("warns of a person entered twice in the file (the later row), and can leave the repeat out", async () => {
    const run = tag();
    const table: Table = {
      headers,
      rows: [
        [`Nguyễn Văn Thành ${run}`, "1971", "M", "VN", "", "", ""],
        [`Siu Hlam ${run}`, "1980", "F", "VN", "Jarai", `811-19C${run}`, ""],
        [`Thanh Nguyen Van ${run}`, "1972", "M", "Viet Nam", "", "", ""], // row 4: row 2 again, name written the other way round
        [`Nguyen Van Thanh ${run}`, "1985", "M", "VN", "", "", ""], // same name, fourteen years apart: someone else
        [`H' Lam Siu ${run}`, "1981", "F", "VN", "Jarai", `811-19c${run}`, ""], // row 6: row 3's UNHCR number
      ],
    };
    const check = await checkImport(supervisor, table, guessMapping(headers));
    expect(check.duplicates).toEqual([
      { row: 4, cases: [], sameAsRow: 2 },
      { row: 6, cases: [], sameAsRow: 3 },
    ]);
    const batch = await batchOf(table);
    expect(await runImport(supervisor, batch, guessMapping(headers), { mode: "valid", skipDuplicates: true }, null, describeMessage, () => {})).toEqual({ outcome: "imported", imported: 3, rejected: 2 });
    const after = await testDb.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after.errorReport).toContain("4,importSameAsRow 2");
    expect(after.errorReport).toContain("6,importSameAsRow 3");
    expect(await casesNamed(`Nguyễn Văn Thành ${run}`)).toBe(1);
    expect(await casesNamed(`Thanh Nguyen Van ${run}`)).toBe(0);
  });

  it("imports the formula text of an XLSX formula cell, never its result", async () => {
    const run = tag();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cases");
    sheet.addRow(headers);
    sheet.addRow([`Pao Vang ${run}`, 1974, "M", "LA", { formula: 'CONCAT("Hm","ong")', result: "Hmong" }, "", ""]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    const batch = await batchOf(table);
    await runImport(supervisor, batch, guessMapping(headers), { mode: "all", skipDuplicates: false }, null, describeMessage, () => {});
    const person = await testDb.person.findFirstOrThrow({ where: { latinName: `Pao Vang ${run}` }, select: { ethnicity: true, birthYear: true } });
    expect(person).toEqual({ ethnicity: '=CONCAT("Hm","ong")', birthYear: 1974 });
  });
});
