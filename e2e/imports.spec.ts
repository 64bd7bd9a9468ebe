import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";

test("a supervisor imports a 500-row spreadsheet with 3 bad rows: all-or-nothing refuses, valid rows only imports 497 and the error report lists the 3", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Register");
  sheet.addRow(["Full name", "Date of birth", "Sex", "Nationality", "Ethnicity", "UNHCR no.", "Registration date"]);
  // Birth years cycle over 47 so that no two North Korean rows are the same person by the
  // Romanised-Korean rules (doubled letters count once, so "332" reads as "32").
  for (let i = 0; i < 500; i++) {
    sheet.addRow([`Importee ${tag} ${i}`, String(1960 + (i % 47)), i % 2 ? "F" : "M", ["Viet Nam", "LA", "North Korea"][i % 3], i % 3 === 1 ? "Hmong" : "", "", "15/03/2024"]);
  }
  // Three rows a partner got wrong.
  sheet.getRow(11).getCell(4).value = "Atlantis"; // row 11: no such nationality
  sheet.getRow(101).getCell(1).value = ""; // row 101: no name
  sheet.getRow(402).getCell(2).value = "31/02/1990"; // row 402: no such date
  const file = { name: "partner-register.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
  const imported = () => sql(`select 1 from "Case" where "principalName" like $1`, [`Importee ${tag} %`]);

  await signInAs(page, "supervisor");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import cases from a spreadsheet" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Spreadsheet (CSV or .xlsx)").setInputFiles(file);
  await page.getByLabel("Where the file comes from").fill(`Partner register ${tag}`);
  await page.getByLabel("Team the cases go to").selectOption({ label: "Bangkok" });
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page.getByRole("heading", { name: "Import partner-register.xlsx" })).toBeVisible();
  // Columns are mapped from their headers; the supervisor can change any.
  await expect(page.getByLabel("Name (Latin script) (required)")).toHaveValue("Full name");
  await expect(page.getByLabel("Case opened on")).toHaveValue("Registration date");
  // This partner's "Ethnicity" column is unreliable: leave it out (kept for their next file).
  await page.getByLabel("Ethnicity").selectOption("");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Check every row" }).click();
  await expect(page.getByText("500 rows: 497 ready, 3 with errors, 0 possibly already registered or repeated in the file.")).toBeVisible();
  const problems = page.getByRole("table", { name: "Rows with errors" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText("11Nationality");
  await expect(problems.getByRole("row").nth(2)).toContainText("101Full name");
  await expect(problems.getByRole("row").nth(3)).toContainText("402Date of birth");
  await expectAccessible(page);

  // All or nothing (the default): nothing is imported.
  await page.getByRole("button", { name: "Import now" }).click();
  await expect(page.getByText("Nothing was imported: 3 rows cannot be imported.", { exact: false })).toBeVisible();
  expect(await imported()).toHaveLength(0);

  await page.getByLabel("Valid rows only", { exact: false }).check();
  await page.getByRole("button", { name: "Import now" }).click();
  await expect(page.getByText("497 cases imported; 3 rows left out.")).toBeVisible({ timeout: 60_000 });
  expect(await imported()).toHaveLength(497);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the error report (CSV)" }).click();
  const report = fs.readFileSync((await (await download).path())!, "utf8");
  const lines = report.replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines[0]).toBe("Row,Problems,Full name,Date of birth,Sex,Nationality,Ethnicity,UNHCR no.,Registration date");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["11", "101", "402"]);
  expect(lines[1]).toContain(`Importee ${tag} 9`);
  expect(lines[1]).toContain("Atlantis");
  const [audit] = await sql<{ detail: { imported: number; rejected: number } }>(
    `select detail from "AuditLog" where action = 'import.run' and detail->>'outcome' = 'imported' and "entityId" = (select id::text from "ImportBatch" where source = $1)`,
    [`Partner register ${tag}`],
  );
  expect(audit.detail).toMatchObject({ imported: 497, rejected: 3 });
  expect(await sql(`select 1 from "Person" where "latinName" like $1 and ethnicity is not null`, [`Importee ${tag} %`])).toHaveLength(0);

  // The next file from the same source is mapped as this one was.
  await page.goto("/imports");
  await page.getByLabel("Spreadsheet (CSV or .xlsx)").setInputFiles({ name: "next.csv", mimeType: "text/csv", buffer: Buffer.from("Full name,Nationality,Ethnicity,Date of birth\nKia Moua,LA,Hmong,2001\n") });
  await page.getByLabel("Where the file comes from").fill(`Partner register ${tag}`);
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: "Import next.csv" })).toBeVisible();
  await expect(page.getByLabel("Name (Latin script) (required)")).toHaveValue("Full name");
  await expect(page.getByLabel("Date or year of birth")).toHaveValue("Date of birth");
  await expect(page.getByLabel("Ethnicity")).toHaveValue("");
});
