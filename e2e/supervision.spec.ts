import fs from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("a caseworker requests closure; the supervisor approves it from the dashboard; both are on the timeline", async ({ page }) => {
  const target = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await page.getByText("Request closure").click();
  const form = page.getByRole("form", { name: "Request closure" });
  await form.getByRole("button", { name: "Send to supervisor" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  await form.getByLabel("Why the case can close").fill("Household resettled; no further action");
  await form.getByRole("button", { name: "Send to supervisor" }).click();
  await expect(page.getByTestId("closure-requests")).toContainText("Closure requested, waiting for a supervisor");
  // A plain edit cannot close the case instead.
  await page.goto(`/cases/${target.code}/edit`);
  await page.getByLabel("Status").selectOption("CLOSED");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Closing a case needs a supervisor's approval/)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "supervisor");
  await page.goto("/dashboard");
  await page.getByTestId("pending-closures").getByRole("link", { name: target.code }).click();
  const decide = page.getByRole("form", { name: "Decide on closure" });
  await decide.getByRole("button", { name: "Approve closure" }).click();
  await expect(page.getByTestId("closure-requests")).toContainText("Closure approved");
  await expect(page.getByTestId("timeline")).toContainText("Closure requested");
  await expect(page.getByTestId("timeline")).toContainText("Closure approved");
  expect(await sql(`select status from "Case" where code = $1`, [target.code])).toEqual([{ status: "CLOSED" }]);
  // The caseworker who asked is told the answer.
  const told = await sql(
    `select n.kind from "Notification" n join "Case" c on c.id = n."caseId" join "User" u on u.id = n."userId" where c.code = $1 and u.email = $2`,
    [target.code, ACCOUNTS.caseworker.email],
  );
  expect(told).toEqual([{ kind: "closure-approved" }]);
});

test("a supervisor exports a pseudonymised CSV, and identifying fields need a stated purpose", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.getByRole("link", { name: "Exports" }).click();
  await expectAccessible(page);
  // Other tests open households meanwhile: the export holds every Bangkok case that existed when it began, and no other team's.
  const bangkok = `select c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Bangkok'`;
  const before = new Set((await sql<{ code: string }>(bangkok)).map((c) => c.code));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^waypoint-cases-pseudonymised-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("case_code,status,sensitivity,team,opened_month,household_size,principal_birth_year,principal_sex,nationality");
  const exported = new Set(lines.slice(1).map((line) => line.split(",")[0]));
  const after = new Set((await sql<{ code: string }>(bangkok)).map((c) => c.code));
  expect([...before].filter((code) => !exported.has(code))).toEqual([]);
  expect([...exported].filter((code) => !after.has(code))).toEqual([]);
  expect(exported.size).toBeGreaterThan(20);
  const names = await sql<{ latinName: string }>(`select p."latinName" from "Person" p join "Case" c on c.id = p."caseId" join "Team" t on t.id = c."teamId" where t.name = 'Bangkok' limit 50`);
  for (const { latinName } of names) expect(csv).not.toContain(latinName);

  const beforeXlsx = (await sql<{ code: string }>(bangkok)).length;
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download XLSX" }).click();
  const xlsxPath = (await (await xlsxDownload).path())!;
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.getWorksheet("Cases")!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(lines[0].split(","));
  const afterXlsx = (await sql<{ code: string }>(bangkok)).length;
  expect(sheet.actualRowCount - 1).toBeGreaterThanOrEqual(beforeXlsx);
  expect(sheet.actualRowCount - 1).toBeLessThanOrEqual(afterXlsx);

  await page.getByLabel(/Include identifying fields/).check();
  await page.getByRole("button", { name: "Download CSV" }).click();
  await expect(page.getByText("Say why identifying fields are needed.")).toBeVisible();
  await page.getByLabel("Purpose of this export").fill("Referral list requested by UNHCR protection unit");
  // Going to UNHCR: names only where the principal's consent to sharing with UNHCR stands (issue 14, item 5).
  await page.getByLabel("Who the names are for").selectOption("UNHCR_SHARING");
  const consenting = await newCase({ team: "Bangkok" });
  const notConsenting = await newCase({ team: "Bangkok" });
  await sql(
    `insert into "Consent" (id, "caseId", "personId", purpose, method, "givenOn", "recordedById", "updatedAt")
     select gen_random_uuid(), c.id, p.id, 'UNHCR_SHARING', 'WRITTEN', current_date - 1, c."caseworkerId", now()
     from "Case" c join "Person" p on p."caseId" = c.id and p.position = 0 where c.id = $1`,
    [consenting.id],
  );
  // With names, the file comes as an AES-256 zip under a password the supervisor chooses (issue 14, item 7).
  await page.getByLabel("Password for the archive").fill("short");
  await page.getByRole("button", { name: "Download CSV" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  const password = "lantern harbour copper 42";
  await page.getByLabel("Password for the archive").fill(password);
  await page.getByLabel("Password again").fill(password);
  await expectAccessible(page);
  const identifying = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const zipped = await identifying;
  expect(zipped.suggestedFilename()).toMatch(/^waypoint-cases-identifying-\d{4}-\d{2}-\d{2}\.zip$/);
  const archive = (await zipped.path())!;
  expect(execFileSync("7z", ["l", "-slt", archive], { encoding: "utf8" })).toContain("Method = AES-256");
  expect(spawnSync("7z", ["t", "-pnot the password", archive]).status).not.toBe(0);
  const identified = execFileSync("7z", ["x", `-p${password}`, "-so", archive], { encoding: "utf8" });
  const rows = identified.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(rows[0]).toContain("principal_name,principal_native_name,principal_unhcr_number,names_withheld");
  const rowOf = (code: string) => rows.find((line) => line.startsWith(`${code},`)) ?? "";
  expect(rowOf(consenting.code)).toContain(consenting.name);
  expect(rowOf(notConsenting.code)).not.toContain(notConsenting.name);
  expect(rowOf(notConsenting.code)).toMatch(/no standing consent$/);
  const [supervisor] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.supervisor.email]);
  const audits = await sql<{ detail: { identifying: boolean; purpose: string | null } }>(
    `select detail from "AuditLog" where "actorId" = $1 and action = 'case.export' order by id desc limit 3`,
    [supervisor.id],
  );
  expect(audits.map((a) => a.detail)).toEqual([
    { format: "csv", identifying: true, purpose: "Referral list requested by UNHCR protection unit", encrypted: true, audience: "UNHCR_SHARING" },
    { format: "xlsx", identifying: false, purpose: null, encrypted: false },
    { format: "csv", identifying: false, purpose: null, encrypted: false },
  ]);
});

test("a caseworker can neither open the exports page nor call the export", async ({ page }) => {
  await signInAs(page, "caseworker");
  expect((await page.goto("/exports"))?.status()).toBe(404);
  const response = await page.request.post("/api/exports/cases", { form: { identifying: "" } });
  expect(response.status()).toBe(404);
});

test("a supervisor downloads a one-page referral summary with chosen sections; names need a purpose and a consent to share", async ({ page }) => {
  const [target] = await sql<{ code: string; name: string }>(
    `select c.code, c."principalName" as name from "Case" c join "Team" t on t.id = c."teamId"
     where t.name = 'Bangkok' and exists (select 1 from "Proceeding" p where p."caseId" = c.id) order by c.code limit 1`,
  );
  // Names leave only on the person's consent to share them (here: with UNHCR), recorded on the case.
  const [consent] = await sql<{ id: string }>(
    `insert into "Consent" (id, "caseId", "personId", purpose, method, "givenOn", "recordedById", "updatedAt")
     select gen_random_uuid(), c.id, p.id, 'UNHCR_SHARING', 'WRITTEN', current_date - 1, c."caseworkerId", now()
     from "Case" c join "Person" p on p."caseId" = c.id where c.code = $1 order by p.position limit 1 returning id`,
    [target.code],
  );
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("link", { name: "Referral summary (PDF)" }).click();
  await expect(page.getByRole("heading", { name: "One-page summary for a referral" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Case summary" });
  for (const box of await form.getByRole("checkbox").all()) await box.setChecked(false);
  await form.getByRole("button", { name: "Download PDF" }).click();
  await expect(form.getByText("Choose at least one section.")).toBeVisible();
  await form.getByLabel(/^Household/).check();
  await form.getByLabel("Proceedings and next deadlines").check();

  const pseudonymised = page.waitForEvent("download");
  await form.getByRole("button", { name: "Download PDF" }).click();
  const pdf = await pseudonymised;
  expect(pdf.suggestedFilename()).toBe(`waypoint-${target.code}-summary.pdf`);
  const pdfPath = (await pdf.path())!;
  expect(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" })).toMatch(/Pages:\s+1\n/);
  const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" });
  expect(text).toContain(`Case summary ${target.code}`);
  expect(text).toContain("Proceedings");
  expect(text).not.toContain(target.name);

  await form.getByLabel("Include names and UNHCR numbers").check();
  await form.getByRole("button", { name: "Download PDF" }).click();
  await expect(form.getByText("Say why names are needed.")).toBeVisible();
  await form.getByLabel("Purpose of this summary").fill("Referral to partner clinic");
  await form.getByRole("button", { name: "Download PDF" }).click();
  await expect(form.getByText("Choose the consent this summary rests on.")).toBeVisible();
  await form.getByLabel("Consent it rests on").selectOption(consent.id);
  const named = page.waitForEvent("download");
  await form.getByRole("button", { name: "Download PDF" }).click();
  const namedText = execFileSync("pdftotext", [(await (await named).path())!, "-"], { encoding: "utf8" });
  expect(namedText.replace(/\s+/g, " ")).toContain(target.name);

  const audits = await sql<{ fields: string[]; detail: { identifying: boolean; purpose: string | null } }>(
    `select a.fields, a.detail from "AuditLog" a join "Case" c on c.id = a."caseId" where c.code = $1 and a.action = 'case.summary' order by a.id desc limit 2`,
    [target.code],
  );
  expect(audits).toEqual([
    { fields: ["household", "proceedings"], detail: { identifying: true, purpose: "Referral to partner clinic", consentId: consent.id } },
    { fields: ["household", "proceedings"], detail: { identifying: false, purpose: null } },
  ]);
});

test("a caseworker can neither open the summary page nor fetch a summary", async ({ page }) => {
  const [target] = await sql<{ code: string }>(`select c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Bangkok' and c.sensitivity = 'STANDARD' order by c.code limit 1`);
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await expect(page.getByRole("link", { name: "Referral summary (PDF)" })).toHaveCount(0);
  expect((await page.goto(`/cases/${target.code}/summary`))?.status()).toBe(404);
  const response = await page.request.post(`/api/cases/${target.code}/summary`, { form: { sections: "household" } });
  expect(response.status()).toBe(404);
});

test("a Bangkok supervisor suspends a programme for Bangkok only, with a reason; Chiang Rai's resettlements stay as they were", async ({ page }) => {
  const tag = uniqueTag();
  const [{ id: programmeId }] = await sql<{ id: string }>(`insert into "Programme" (id, name, country, "updatedAt") values (gen_random_uuid(), $1, 'CA', now()) returning id`, [`Test programme ${tag}`]);
  const resettle = async (team: "Bangkok" | "Chiang Rai") => {
    const household = await newCase({ team });
    const [{ id }] = await sql<{ id: string }>(
      `insert into "Proceeding" (id, "caseId", type, stage, "programmeId", "updatedAt") values (gen_random_uuid(), $1, 'RESETTLEMENT', 'SUBMITTED', $2, now()) returning id`,
      [household.id, programmeId],
    );
    return { ...household, proceedingId: id };
  };
  const bangkok = await resettle("Bangkok");
  const north = await resettle("Chiang Rai");

  await signInAs(page, "supervisor");
  await page.goto("/dashboard");
  await page.getByText(`Suspend: Test programme ${tag}`).click();
  const form = page.getByRole("form", { name: `Suspend: Test programme ${tag}` });
  await expect(form).toContainText("This puts 1 resettlement (1 person) on hold, in Bangkok.");
  await form.getByRole("button", { name: "Put 1 resettlement on hold" }).click();
  await expect(form.getByText("Say why: it goes into the stage history.")).toBeVisible();
  await form.getByLabel("Why (it is written on each case)").fill("Intake paused by the resettlement country");
  await form.getByRole("button", { name: "Put 1 resettlement on hold" }).click();
  await expect(form.getByRole("status")).toHaveText("1 resettlement put on hold.");
  await expectAccessible(page);

  const stages = async () => sql<{ id: string; stage: string }>(`select id, stage from "Proceeding" where id = any($1::uuid[]) order by stage`, [[bangkok.proceedingId, north.proceedingId]]);
  expect(Object.fromEntries((await stages()).map((p) => [p.id, p.stage]))).toEqual({ [bangkok.proceedingId]: "ON_HOLD", [north.proceedingId]: "SUBMITTED" });
  const told = await sql<{ email: string }>(`select u.email from "Notification" n join "User" u on u.id = n."userId" where n."caseId" = $1 and n.kind = 'programme-suspended'`, [bangkok.id]);
  expect(told.map((t) => t.email)).toEqual([ACCOUNTS.caseworker.email]);
});

// Issue 14, item 2: a legal hold, placed and lifted by a supervisor with a reason, listed on the dashboard.
test("a supervisor puts a case on legal hold with a reason, it is listed on the dashboard, and is lifted with a reason", async ({ page, browser }) => {
  const { code } = await newCase({ team: "Bangkok" });
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${code}`);
  const section = page.getByRole("region", { name: "Legal hold" });
  await section.getByText("Put on legal hold").click();
  const place = section.getByRole("form", { name: "Put on legal hold" });
  await place.getByRole("button", { name: "Place hold" }).click();
  await expect(place.getByText("Say why (at least 5 characters).")).toBeVisible();
  await place.getByLabel("Reason for the hold").fill("Civil claim against the IDC pending");
  await place.getByRole("button", { name: "Place hold" }).click();
  await expect(section.getByTestId("legal-holds")).toContainText("On legal hold");
  await expectAccessible(page);
  await page.goto("/dashboard");
  await expect(page.getByTestId("standing-holds")).toContainText(code);

  // A caseworker sees the hold, and cannot lift it.
  const caseworker = await (await browser.newContext()).newPage();
  await signInAs(caseworker, "caseworker");
  await caseworker.goto(`/cases/${code}`);
  await expect(caseworker.getByTestId("legal-holds")).toContainText("Civil claim against the IDC pending");
  await expect(caseworker.getByText("Lift the hold")).toHaveCount(0);

  await page.goto(`/cases/${code}`);
  await section.getByText("Lift the hold").click();
  const lift = section.getByRole("form", { name: "Lift the hold" });
  await lift.getByLabel("Why the hold can end").fill("Claim settled in October");
  await lift.getByRole("button", { name: "Lift hold" }).click();
  await expect(section.getByTestId("legal-holds")).toContainText("Hold lifted");
  const actions = await sql<{ action: string }>(`select a.action from "AuditLog" a join "Case" c on c.id = a."caseId" where c.code = $1 and a.action like 'hold.%' order by a.id`, [code]);
  expect(actions.map((a) => a.action)).toEqual(["hold.place", "hold.lift"]);
});
