// Stored script in every free-text field: values are written straight into
// the database (as an import, an API client or an attacker with a foothold
// might leave them), then every page that shows them is opened. Each must
// show the text as text: no script runs, no element is injected.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

const tag = uniqueTag();
const PAYLOADS = [
  `<script>window.__xss='script'</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='href'`,
  `{{constructor.constructor('window.__xss=1')()}}`,
];
const payload = (i: number) => `${PAYLOADS[i % PAYLOADS.length]} ${tag}-${i}`;

const withUpdatedAt = new Set<string>();
/** Inserts one row, with a fresh id and updatedAt where the table has one; returns the id. */
async function insert(table: string, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  const extra = withUpdatedAt.has(table) ? `, "updatedAt"` : "";
  const [row] = await sql<{ id: string }>(
    `insert into "${table}" (id, ${columns.map((c) => `"${c}"`).join(", ")}${extra}) values (gen_random_uuid(), ${columns.map((_, i) => `$${i + 1}`).join(", ")}${extra ? ", now()" : ""}) returning id`,
    Object.values(values),
  );
  return row.id;
}

let code = "";

test.beforeAll(async () => {
  for (const { table_name } of await sql<{ table_name: string }>(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'updatedAt'`)) withUpdatedAt.add(table_name);
  const household = await newCase();
  const target = { id: household.id, code: household.code, personId: household.personIds[0] };
  code = target.code;
  const [{ id: caseworker }] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.caseworker.email]);
  const [{ id: facility }] = await sql<{ id: string }>(`select id from "Facility" order by name limit 1`);
  const [{ id: court }] = await sql<{ id: string }>(`select id from "Court" order by name limit 1`);
  let i = 0;
  await sql(
    `update "Person" set "latinName" = $2, "nativeName" = $3, aliases = $4, ethnicity = $5, languages = $6, religion = $7, phone = $8, address = $9, "safeHouse" = $10 where id = $1`,
    [target.personId, payload(i++), payload(i++), [payload(i++)], payload(i++), [payload(i++)], payload(i++), payload(i++), payload(i++), payload(i++)],
  );
  await sql(`update "Case" set "principalName" = $2, "principalNativeName" = $3, "caseworkerId" = $4 where id = $1`, [target.id, payload(0), payload(1), caseworker]);
  await sql(`update "Journey" set "entryPoint" = $2, "entryMethod" = $3 where "caseId" = $1`, [target.id, payload(i++), payload(i++)]);
  await insert("Note", { caseId: target.id, authorId: caseworker, kind: "OTHER", body: payload(i++), confidential: false });
  const proceeding = await insert("Proceeding", { caseId: target.id, type: "CRIMINAL", stage: "CHARGED", reference: payload(i++) });
  await insert("StageChange", { proceedingId: proceeding, toStage: "CHARGED", reason: payload(i++), occurredOn: new Date(), actorId: caseworker });
  await insert("Hearing", { proceedingId: proceeding, courtId: court, startsAt: new Date(Date.now() + 2 * 86_400_000), purpose: "FIRST_HEARING", interpreter: payload(i++), interpreterLanguage: payload(i++), outcome: payload(i++) });
  await insert("ProceedingParty", { proceedingId: proceeding, name: payload(i++), searchText: "xss", role: "COMPLAINANT" });
  await insert("Task", { caseId: target.id, title: payload(i++), dueOn: new Date(Date.now() - 86_400_000), origin: "PERSON", assigneeId: caseworker });
  await insert("DetentionEpisode", { caseId: target.id, personId: target.personId, facilityId: facility, startedOn: new Date("2020-01-01"), releasedOn: new Date("2020-02-01"), releaseReason: payload(i++) });
  await insert("Fine", { caseId: target.id, amountMinor: 100000, imposedOn: new Date("2020-01-05"), legalBasis: payload(i++) });
  await insert("Expense", { caseId: target.id, category: "LEGAL", description: payload(i++), amountMinor: 5000, payer: "NGO", incurredOn: new Date("2020-01-06") });
  await insert("Document", { caseId: target.id, type: "OTHER", number: payload(i++), fileName: payload(i++), contentType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), storageKey: crypto.randomUUID(), uploadedById: caseworker });
  await insert("ClosureRequest", { caseId: target.id, requestedById: caseworker, reason: payload(i++) });
  await insert("ProtectionIncident", { caseId: target.id, occurredOn: new Date(), kind: "THREAT", severity: "LOW", description: payload(i++) });
});

async function expectInert(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
  expect(await page.locator("main img[src='x'], main svg[onload], main [onerror], main a[href^='javascript:']").count(), path).toBe(0);
}

test("stored script in every free-text field of a case shows as text on every page", async ({ page, browser }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await signInAs(page, "supervisor");
  for (const path of [
    `/cases/${code}`,
    `/cases/${code}/proceedings`,
    `/cases/${code}/custody`,
    `/cases/${code}/tasks`,
    `/cases/${code}/documents`,
    `/cases/${code}/edit`,
    `/cases?q=${encodeURIComponent(tag)}`,
    "/cases",
    "/dashboard",
    "/hearings",
    "/hearings?view=month",
    "/deadlines",
    "/board",
    "/audit",
  ]) {
    await expectInert(page, path);
  }
  // The texts are there, as text.
  await page.goto(`/cases/${code}`);
  await expect(page.locator("main")).toContainText(payload(0));
  await page.goto(`/cases/${code}/custody`);
  await expect(page.locator("main")).toContainText(`${tag}`);
  // The case list's rows are written as HTML text (lib/html): the name is there, escaped.
  await page.goto(`/cases?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("case-row").first()).toContainText(payload(0));

  const caseworker = await (await browser.newContext()).newPage();
  caseworker.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await signInAs(caseworker, "caseworker");
  await expectInert(caseworker, "/tasks");
  await expectInert(caseworker, "/notifications");
  expect(dialogs).toBe(0);
});
