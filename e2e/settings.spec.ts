import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql } from "./helpers";

test("an administrator changes a deadline period, adds a facility and sets a rate, each audited", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expectAccessible(page);

  const rule = page.getByTestId("rule-nsm.application");
  await expect(rule).toContainText("default 60 days");
  await rule.getByLabel("Period").fill("-5");
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByText(/Enter a whole number of days or months/)).toBeVisible();
  await rule.getByLabel("Period").fill("45");
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule).toContainText("changed for this deployment");
  expect(await sql(`select amount, unit from "DeadlineSetting" where "ruleKey" = 'nsm.application'`)).toEqual([{ amount: 45, unit: "days" }]);
  const [admin] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.admin.email]);
  expect(await sql(`select fields from "AuditLog" where "actorId" = $1 and action = 'settings.update' and "entityId" = 'nsm.application'`, [admin.id])).toEqual([{ fields: ["amount", "unit"] }]);

  const facility = page.getByRole("form", { name: "Add facility" });
  await facility.getByLabel("Facility name").fill("Songkhla Police Station (test)");
  await facility.getByLabel("Kind").selectOption("POLICE_STATION");
  await facility.getByRole("button", { name: "Add facility" }).click();
  await expect(page.getByText("Songkhla Police Station (test)")).toBeVisible();

  const court = page.getByRole("form", { name: "Add court or authority" });
  await court.getByLabel("Name").fill("Administrative Court (test)");
  await court.getByRole("button", { name: "Add court or authority" }).click();
  await expect(page.getByText("Administrative Court (test)")).toBeVisible();

  // A partner organisation for referrals: at least one service, and optionally its team here.
  const partner = page.getByRole("form", { name: "Add partner" });
  await partner.getByLabel("Partner name").fill("Hmong Women's Livelihood Project (test)");
  await partner.getByRole("button", { name: "Add partner" }).click();
  await expect(partner.getByText("Choose at least one service.")).toBeVisible();
  await partner.getByLabel("Livelihood").check();
  await partner.getByLabel("Education").check();
  await partner.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByText("Hmong Women's Livelihood Project (test)")).toBeVisible();
  expect(await sql(`select services, "teamId" from "Partner" where name = $1`, ["Hmong Women's Livelihood Project (test)"])).toEqual([{ services: "{EDUCATION,LIVELIHOOD}", teamId: null }]);
  await expectAccessible(page);

  const rate = page.getByRole("form", { name: "Set rate" });
  await rate.getByLabel("Currency").selectOption("CNY");
  await rate.getByLabel("Units per US dollar").fill("abc");
  await rate.getByRole("button", { name: "Set rate" }).click();
  await expect(rate.getByText("Enter a rate above zero, e.g. 33.5.")).toBeVisible();
  await rate.getByLabel("Units per US dollar").fill("7.25");
  await rate.getByRole("button", { name: "Set rate" }).click();
  await expect(page.getByTestId("rates")).toContainText("1 USD = 7.25 CNY");
});

test("only administrators reach the settings", async ({ page }) => {
  await signInAs(page, "supervisor");
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await page.goto("/admin/settings"))?.status()).toBe(404);
});
