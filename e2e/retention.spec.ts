import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql } from "./helpers";
import { newCase } from "./data";

// The rule set here reaches only cases closed more than 30 years ago: no
// other test, and nothing in the demo data, is that old.
test.afterAll(async () => {
  await sql(`delete from "RetentionRule"`);
});

test("an administrator reviews the retention schedule, turns a rule on, previews and runs it; the case is anonymised and the run is the deletion record", async ({ page, browser }) => {
  const old = await newCase({ team: "Bangkok", nationality: "VN" });
  await sql(`update "Case" set status = 'CLOSED', "closedAt" = now() - interval '31 years' where id = $1`, [old.id]);

  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Retention schedule and deletion record" }).click();
  await expect(page.getByRole("heading", { name: "Retention", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Rules are inactive until turned on; a period out of range is refused beside its field.
  const rule = page.getByRole("form", { name: "Closed cases", exact: true });
  await rule.getByLabel("Months").fill("0");
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByText("Enter a whole number of months from 1 to 360.")).toBeVisible();
  await rule.getByLabel("Months").fill("360");
  await rule.getByLabel("Then").selectOption("ANONYMISE");
  await rule.getByLabel("Active").check();
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByText("Saved.")).toBeVisible();

  // The preview names the case by code, never by name.
  await page.reload();
  const preview = page.getByTestId("retention-preview").locator('tr[data-kind="closedCases"]');
  await expect(preview.getByTestId("count")).toHaveText("1");
  await preview.getByText("1 case").click();
  await expect(preview).toContainText(old.code);
  await expect(page.getByTestId("retention-preview")).not.toContainText(old.name);

  await page.getByRole("button", { name: "Run now" }).click();
  const run = page.getByTestId("retention-runs").locator("li[data-status]").first();
  await expect(run).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  await expect(run).toContainText("started by Admin Demo");
  await expect(run).toContainText("Closed cases: anonymise 1 record (after 360 months");
  await run.getByText("1 case").click();
  await expect(run).toContainText(old.code);
  await expectAccessible(page);

  // The supervisor finds the case anonymised: no name, and it says why.
  const supervisor = await (await browser.newContext()).newPage();
  await signInAs(supervisor, "supervisor");
  await supervisor.goto(`/cases/${old.code}`);
  await expect(supervisor.getByTestId("anonymised")).toContainText("under the retention schedule");
  await expect(supervisor.locator("main")).not.toContainText(old.name);
  const [audit] = await sql<{ n: string }>(`select count(*)::text as n from "AuditLog" where "caseId" = $1 and action = 'retention.anonymise'`, [old.id]);
  expect(audit.n).toBe("1");
});
