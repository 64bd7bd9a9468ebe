import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn, signInAs } from "./helpers";
import { newCase } from "./data";

test("a supervisor reads who viewed a case of the team; an administrator sees sign-ins only; a caseworker cannot open the log", async ({ page, browser }) => {
  const target = await newCase();
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Case code").fill(target.code);
  await page.getByRole("button", { name: "Apply" }).last().click();
  await expect(page).toHaveURL(/code=/);
  const rows = page.getByTestId("audit-rows");
  await expect(rows.getByRole("row").filter({ hasText: "case.view" }).filter({ hasText: ACCOUNTS.supervisor.name }).first()).toBeVisible();
  await expect(rows).not.toContainText("login");
  await expectAccessible(page);

  const admin = await (await browser.newContext()).newPage();
  // Through the form: the sign-in itself is what the administrator's log must show.
  await signIn(admin, "admin");
  await admin.goto("/audit");
  await expect(admin.getByTestId("audit-rows")).toContainText("login");
  await expect(admin.getByTestId("audit-rows")).not.toContainText("case.view");
  await expect(admin.getByTestId("audit-rows")).not.toContainText(/WP-\d{4}-\d{6}/);
  await expect(admin.getByLabel("Case code")).toHaveCount(0);

  const caseworker = await (await browser.newContext()).newPage();
  await signInAs(caseworker, "caseworker");
  await expect(caseworker.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await caseworker.goto("/audit"))?.status()).toBe(404);
});
