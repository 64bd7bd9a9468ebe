import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql } from "./helpers";
import { newCase } from "./data";
import { openProceeding } from "./proceeding-steps";

// A certificate expiring Tue 31 Jul 2096: renewal is due 30 days before, Sun
// 1 Jul, which moves back to Fri 29 Jun. No other test has deadlines in 2096,
// so the closure this test adds moves only its own.
const CLOSURE = "2096-06-29";

test.afterAll(async () => {
  await sql(`delete from "CourtClosure" where date = $1`, [CLOSURE]);
});

test("an administrator's court closure recounts an open deadline, which shows its working and the recount", async ({ page, browser }) => {
  // A long journey through two browsers: on a busy two-core machine it can pass a minute.
  test.setTimeout(120_000);
  const code = (await newCase({ team: "Bangkok", nationality: "VN" })).code;
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}/proceedings`);
  await openProceeding(page, "UNHCR refugee status determination", { reason: "Registered with UNHCR Bangkok", certificateExpiresOn: "2096-07-31" });
  await page.goto(`/cases/${code}/tasks`);
  const renewal = page.getByTestId("task").filter({ hasText: "Renew the UNHCR certificate" });
  await expect(renewal).toContainText("Due Jun 29, 2096");
  await renewal.getByText("How this date was counted").click();
  const working = renewal.getByTestId("deadline-working");
  await expect(working).toContainText("30 days before the certificate expires on Tue, Jul 31, 2096.");
  await expect(working).toContainText("Moved from Sun, Jul 1, 2096 back to Fri, Jun 29, 2096, the working day before: Sun, Jul 1, 2096: weekend; Sat, Jun 30, 2096: weekend");
  await expectAccessible(page);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/settings");
  await admin.getByRole("link", { name: "Court calendar: holidays and closures" }).click();
  await expect(admin.getByRole("heading", { name: /Court calendar \d{4}/ })).toBeVisible();
  await admin.goto("/admin/calendar?year=2096");
  await expect(admin.getByRole("heading", { name: "Court calendar 2096" })).toBeVisible();
  await expect(admin.getByTestId("holidays")).toContainText("Songkran Festival");
  await expectAccessible(admin);

  const form = admin.getByRole("form", { name: "Add closure" });
  await form.getByLabel("Date").fill(CLOSURE);
  await form.getByRole("button", { name: "Add closure" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible();
  expect(await sql(`select 1 from "CourtClosure" where date = $1`, [CLOSURE])).toHaveLength(0);
  await form.getByLabel("Kind").selectOption({ label: "closure or extra holiday" });
  await form.getByLabel("Name").fill("Flood: Bangkok courts closed (test)");
  await form.getByRole("button", { name: "Add closure" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved. 1 open deadline was recounted and moved.");
  await expect(admin.getByTestId("closures")).toContainText("Fri, Jun 29, 2096 · Flood: Bangkok courts closed (test)");
  await expectAccessible(admin);

  await page.reload();
  await expect(renewal).toContainText("Due Jun 28, 2096");
  await renewal.getByText("How this date was counted").click();
  await expect(working).toContainText("moved from Fri, Jun 29, 2096 to Thu, Jun 28, 2096 because the court calendar now has a closure on Fri, Jun 29, 2096 (Flood: Bangkok courts closed (test))");
  const [task] = await sql<{ id: string }>(`select t.id from "Task" t join "Case" c on c.id = t."caseId" where c.code = $1 and t."ruleKey" = 'rsd.certificateRenewal'`, [code]);
  expect(await sql(`select fields, detail->>'from' as "from", detail->>'to' as "to" from "AuditLog" where "entityId" = $1 and action = 'task.update'`, [task.id])).toEqual([
    { fields: ["dueOn"], from: "2096-06-29", to: "2096-06-28" },
  ]);

  await admin.getByRole("button", { name: "Remove the closure on Fri, Jun 29, 2096" }).click();
  await expect(admin.getByRole("form", { name: "Closures and substitution days" }).getByRole("status")).toHaveText("Saved. 1 open deadline was recounted and moved.");
  await expect(admin.getByText("No closures added for this year.")).toBeVisible();
  await page.reload();
  await expect(renewal).toContainText("Due Jun 29, 2096");
});

test("only administrators keep the court calendar", async ({ page }) => {
  await signInAs(page, "supervisor");
  expect((await page.goto("/admin/calendar"))?.status()).toBe(404);
});
