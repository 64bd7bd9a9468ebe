import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser } from "@/tests/fixtures";
import { caseCsvStream, caseXlsxStream } from "./cases";

describe("exports with names (issue 18, item 7)", () => {
  it("write every name exactly as typed into an XLSX, as string cells that never evaluate; the CSV keeps its guard", async () => {
    const team = await makeTeam("Export cells");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const names = ["=HYPERLINK(\"http://x\",\"y\") Kim", "Nguyễn Thị Hoa", "김철수 Kim", "+66 Somchai"];
    for (const latinName of names) await makeCase({ teamId: team.id, caseworkerId: supervisor.id, actorId: supervisor.id, principal: { latinName } });
    const request = { identifying: true, purpose: "test", format: "xlsx" as const, audience: "team" as const };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await new Response(caseXlsxStream(supervisor, request)).arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("Cases")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf("principal_name") + 1;
    const cells = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(column));
    expect(cells.map((c) => c.value).sort()).toEqual([...names].sort());
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String);
    const csv = await new Response(caseCsvStream(supervisor, { ...request, format: "csv" })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"") Kim"`);
  });
});
