import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, ownAccount } from "./helpers";

test("the interface switches to Thai, and the choice is saved on the account", async ({ page }) => {
  // Its own account: the language is saved on the account, and other tests sign in as the demo ones meanwhile.
  const email = await ownAccount("LEGAL_OFFICER");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Choose only once the page's scripts have taken over: a choice made while React is still
  // hydrating the server-rendered form is reset to the value it was drawn with (seen on busy CI runs).
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Language").selectOption("th");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("button", { name: "ออกจากระบบ" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText("เจ้าหน้าที่กฎหมาย");
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expectAccessible(page);
  // The browser tab says where one is, in Thai too.
  await page.goto("/cases");
  await expect(page).toHaveTitle("คดี · Waypoint");

  // A new browser session for the same account gets Thai at once.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "ออกจากระบบ" })).toBeVisible();

  await page.waitForLoadState("networkidle");
  await page.getByLabel("ภาษา").selectOption("en");
  await page.getByRole("button", { name: "ใช้" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
