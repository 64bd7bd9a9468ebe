import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn, type AccountKey } from "./helpers";

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password gets one message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ACCOUNTS.caseworker.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The e-mail or password is incorrect.");
  await page.getByLabel("Password").fill("still-wrong");
  await page.getByLabel("E-mail").fill("nobody@demo.waypoint.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The e-mail or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

for (const who of Object.keys(ACCOUNTS) as AccountKey[]) {
  test(`${who} signs in, sees name and role, and signs out`, async ({ page }) => {
    await signIn(page, who);
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS[who].role);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/login/);
  });
}
