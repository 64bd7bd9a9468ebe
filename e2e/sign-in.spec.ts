import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, signIn, sql, type AccountKey } from "./helpers";

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

// A phone on a slow line may send the form before the page's scripts run: the
// browser posts it itself. With Referrer-Policy no-referrer such a post said
// "Origin: null", and the server answered 500.
test.describe("before the page's scripts run", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form still answers a wrong password with its message, and signs in with the right one", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill("nobody-without-scripts@demo.waypoint.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The e-mail or password is incorrect.");
    await page.getByLabel("E-mail").fill(ACCOUNTS.supervisorNorth.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.supervisorNorth.role);
  });
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

// Uses an account no other spec signs in with, so parallel workers cannot add rows.
test("sign-ins and failed sign-ins are audited with the address they came from", async ({ page }) => {
  const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.supervisorNorth.email]);
  const [{ max }] = await sql<{ max: string | null }>(`select max(id)::text as max from "AuditLog"`);
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ACCOUNTS.supervisorNorth.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  await signIn(page, "supervisorNorth");
  const rows = await sql<{ action: string; ip: string | null }>(
    `select action, ip from "AuditLog" where "actorId" = $1 and id > $2 and action like 'login%' order by id`,
    [user.id, max ?? "0"],
  );
  expect(rows.map((r) => r.action)).toEqual(["login.failed", "login"]);
  for (const row of rows) expect(row.ip).toBeTruthy();
});

test("the account page and the not-found page are accessible", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Administrator", { exact: true }).last()).toBeVisible();
  await expectAccessible(page);
  await page.goto("/cases");
  await expect(page.getByText("Your role does not give access to case files.")).toBeVisible();
  const response = await page.goto("/cases/WP-2026-999999");
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});
