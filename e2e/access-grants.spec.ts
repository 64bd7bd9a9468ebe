import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql } from "./helpers";
import { newCase } from "./data";

test("a supervisor gives an interpreter two sections of one case; the interpreter sees only those, changes nothing, and loses the open page when the window ends", async ({ page, browser }) => {
  // A long journey through two browsers: on a busy two-core machine it can pass a minute.
  test.setTimeout(120_000);
  const granted = await newCase({ team: "Bangkok" });
  const other = await newCase({ team: "Bangkok" });
  const interpreter = await ownAccount("GUEST", "Bangkok");
  const [{ name: interpreterName }] = await sql<{ name: string }>(`select name from "User" where email = $1`, [interpreter]);

  await signInAs(page, "supervisor");
  await page.goto(`/cases/${granted.code}`);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Access for guests" }) });
  await section.locator("summary", { hasText: "Give access" }).click();
  const form = section.getByRole("form", { name: "Give access" });
  await form.getByLabel("Guest").selectOption({ label: interpreterName });
  await form.getByLabel("Proceedings").check();
  await form.getByLabel("Last day").fill("2099-01-01");
  await form.getByLabel("Why").fill("Interpreting at the RSD interview");
  await form.getByRole("button", { name: "Give access" }).click();
  await expect(form.getByText(/at most 30 days/)).toBeVisible();
  // Refused, the form keeps what was chosen.
  await expect(form.getByLabel("Proceedings")).toBeChecked();
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Bangkok" });
  await form.getByLabel("Last day").fill(today);
  await form.getByRole("button", { name: "Give access" }).click();
  await expect(form.getByText("Access given.")).toBeVisible();
  await expect(section.getByTestId("access-grants").locator("li").first()).toHaveAttribute("data-state", "standing");
  await expect(section.getByTestId("access-grants")).toContainText("Sections: Overview, Proceedings");
  await expectAccessible(page);

  // The interpreter sees this case only, and only the granted tabs.
  const guestPage = await (await browser.newContext()).newPage();
  await signInAs(guestPage, { email: interpreter });
  await guestPage.goto("/cases");
  await expect(guestPage.getByRole("link", { name: granted.code })).toBeVisible();
  await expect(guestPage.getByRole("link", { name: other.code })).toHaveCount(0);
  await guestPage.goto(`/cases/${granted.code}`);
  const tabs = guestPage.getByRole("navigation", { name: "Case file sections" });
  await expect(tabs.getByRole("link")).toHaveText(["Overview", "Proceedings"]);
  await expect(guestPage.getByRole("link", { name: "Edit case" })).toHaveCount(0);
  await expect(guestPage.getByRole("heading", { name: "Access for guests" })).toHaveCount(0);
  await expectAccessible(guestPage);
  for (const path of [`/cases/${granted.code}/documents`, `/cases/${granted.code}/custody`, `/cases/${granted.code}/edit`, `/cases/${other.code}`, "/dashboard"]) {
    expect((await guestPage.request.get(path)).status(), path).toBe(404);
  }
  const [views] = await sql<{ n: string }>(`select count(*)::text as n from "AuditLog" a join "User" u on u.id = a."actorId" where u.email = $1 and a.action = 'case.view' and a.detail ? 'grants'`, [interpreter]);
  expect(Number(views.n)).toBeGreaterThan(0);

  // The window ends (here: moved to a moment from now); the open page's next request is refused.
  await guestPage.goto(`/cases/${granted.code}/proceedings`);
  await expect(guestPage.getByRole("heading", { name: granted.code })).toBeVisible();
  await sql(`update "AccessGrant" g set "endsAt" = now() + interval '2 seconds' from "User" u where u.id = g."userId" and u.email = $1`, [interpreter]);
  await guestPage.waitForTimeout(2500);
  const after = await guestPage.reload();
  expect(after?.status()).toBe(404);
});
