import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql, uniqueTag } from "./helpers";

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

test("an administrator names a court in each interface language; a reader sees their own, and a stale save is refused", async ({ browser }) => {
  // Its own administrator: the test switches its language.
  const email = `names-admin-${uniqueTag()}@demo.waypoint.test`;
  await sql(
    `insert into "User" (id, email, name, "passwordHash", role, "updatedAt") select gen_random_uuid(), $1, 'Names Admin', "passwordHash", 'ADMIN', now() from "User" where email = $2`,
    [email, ACCOUNTS.admin.email],
  );
  const courtName = `Provincial Court ${uniqueTag()}`;
  await sql(`insert into "Court" (id, name) values (gen_random_uuid(), $1)`, [courtName]);
  const page = await (await browser.newContext()).newPage();
  const stale = await (await browser.newContext()).newPage();
  await signInAs(page, { email });
  await signInAs(stale, { email });
  for (const p of [page, stale]) await p.goto("/admin/settings");

  const line = page.getByRole("listitem").filter({ hasText: courtName });
  await line.getByText("Names in other languages").click();
  const form = page.getByRole("form", { name: `Names of ${courtName} in other languages` });
  await form.getByLabel("Name in ไทย").fill("ศาลจังหวัดทดสอบ");
  await form.getByLabel("Name in 한국어").fill("시험 지방법원");
  await form.getByRole("button", { name: "Save names" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  expect(await sql(`select names from "Court" where name = $1`, [courtName])).toEqual([{ names: { th: "ศาลจังหวัดทดสอบ", ko: "시험 지방법원" } }]);
  expect(await sql(`select fields from "AuditLog" where action = 'settings.update' and entity = 'Court' and "entityId" = (select id::text from "Court" where name = $1)`, [courtName])).toEqual([{ fields: ["names"] }]);

  // The second tab still shows the names from before: its save would overwrite, so it is refused.
  const staleLine = stale.getByRole("listitem").filter({ hasText: courtName });
  await staleLine.getByText("Names in other languages").click();
  const staleForm = stale.getByRole("form", { name: `Names of ${courtName} in other languages` });
  await staleForm.getByLabel("Name in Tiếng Việt").fill("Tòa án tỉnh thử");
  await staleForm.getByRole("button", { name: "Save names" }).click();
  await expect(staleForm.getByText("Someone else changed these names meanwhile. Reload the page to see their change.")).toBeVisible();
  expect(await sql(`select names from "Court" where name = $1`, [courtName])).toEqual([{ names: { th: "ศาลจังหวัดทดสอบ", ko: "시험 지방법원" } }]);

  // Read in Korean: the Korean name, the English one beside it marked as English.
  await sql(`update "User" set locale = 'ko' where email = $1`, [email]);
  await page.goto("/admin/settings");
  const korean = page.getByRole("listitem").filter({ hasText: "시험 지방법원" });
  await expect(korean).toContainText("영어:");
  await expect(korean.locator('[lang="en"]')).toHaveText(courtName);
  await expectAccessible(page);
});
