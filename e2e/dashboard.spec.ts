import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./helpers";
import { newCase } from "./data";

test("a supervisor opens the dashboard and follows a figure through to the cases behind it", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectAccessible(page);
  const firstRow = page.getByTestId("figure-status").locator("tbody tr").first();
  const link = firstRow.getByRole("link");
  const figure = Number(await link.textContent());
  expect(figure).toBeGreaterThan(0);
  await link.click();
  await expect(page).toHaveURL(/\/cases\?status=\w+&sensitivity=\w+/);
  await expect(page.getByRole("status")).toHaveText(figure === 1 ? "1 case" : `${figure} cases`);
  await expect(page.getByText("Showing the cases behind a dashboard figure.")).toBeVisible();

  await page.goto("/dashboard");
  const detainedLink = page.getByRole("link", { name: /cases$/ }).filter({ hasText: /^\d+$/ }).first();
  await expect(detainedLink).toBeVisible();
  await page.getByLabel("From").fill("2023-01-01");
  await page.locator("#main").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2023-01-01/);
  await expect(page.getByTestId("figure-new").locator("tbody tr").first()).toBeVisible();
  await expectAccessible(page);
});

test("the monthly report for donors shows counts, never names or case codes", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Monthly report for donors" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Monthly report");
  await expectAccessible(page);
  await expect(page.getByTestId("report-summary")).toContainText("In detention now");
  await expect(page.locator("article")).not.toContainText(/WP-\d{4}-\d{6}/);
});

test("caseworkers and legal officers cannot open the dashboard", async ({ page }) => {
  await signInAs(page, "caseworker");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
});

test("an organisation-wide supervisor sees every team, narrows to one, and downloads the figures", async ({ page }) => {
  await signInAs(page, "director");
  await page.goto("/dashboard");
  await expect(page.getByText(/Figures for all \d+ teams/)).toBeVisible();
  const team = page.getByLabel("Team");
  await team.selectOption({ label: "Chiang Rai" });
  await page.locator("#main").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/team=/);
  await expect(page.getByText("Figures for the chosen team.", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // The drill-through keeps the team: every case behind the figure is a Chiang Rai case (Nok's, not Somchai's in Bangkok).
  const link = page.getByTestId("figure-status").locator("tbody tr").first().getByRole("link");
  const figure = Number(await link.textContent());
  await link.click();
  await expect(page).toHaveURL(/team=/);
  await expect(page.getByRole("status")).toHaveText(figure === 1 ? "1 case" : `${figure} cases`);
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toContainText("Nok Demo");
  await expect(rows.filter({ hasText: "Somchai Demo" })).toHaveCount(0);

  await page.goBack();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^waypoint-figures-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  expect(text).toContain("cases_by_status\r\nstatus,sensitivity,cases\r\n");
  const statusTotal = text
    .split("\r\n\r\n")[1]
    .split("\r\n")
    .slice(2)
    .reduce((sum, line) => sum + Number(line.split(",")[2]), 0);
  expect(statusTotal).toBeGreaterThan(0);
  // Only the chosen team: its caseworker is in the caseload, Bangkok's is not.
  expect(text).toContain("Nok Demo,");
  expect(text).not.toContain("Somchai Demo");
});

test("an arrivals figure counts people, and the list behind it shows the same people in its households, for months and whole years", async ({ page }) => {
  // May 2011: no other test's arrivals fall in it. Three people in one household, two in another.
  const three = await newCase({ team: "Bangkok", nationality: "LA", entryDate: "2011-05-10", members: ["Second Member", "Third Member"] });
  const two = await newCase({ team: "Bangkok", nationality: "LA", entryDate: "2011-05-20", members: ["Other Member"] });
  await signInAs(page, "supervisor");
  await page.goto("/dashboard?from=2011-05-01&to=2011-05-31");
  const arrivals = page.getByRole("region", { name: "Arrivals in Thailand per month" });
  await expect(arrivals).toContainText("Counts people: every member of each household.");
  await expect(page.getByRole("region", { name: "New cases per month" })).toContainText("Counts households");
  // A row per month, a column per nationality.
  const table = arrivals.getByTestId("figure-arrivals");
  await expect(table.locator("thead")).toContainText("Laos");
  const row = table.locator("tbody tr").filter({ hasText: "2011-05" });
  await expect(row.getByRole("link", { name: "5 people" })).toHaveText("5");
  await row.getByRole("link", { name: "5 people" }).click();
  await expect(page).toHaveURL(/arrived=2011-05&nationality=LA/);
  await expect(page.getByRole("status")).toHaveText("2 cases");
  await expect(page.getByTestId("people-total")).toContainText("5 people");
  await expect(page.locator("tbody")).toContainText(three.code);
  await expect(page.locator("tbody")).toContainText(two.code);

  // The yearly figures under the monthly ones link through too.
  await page.goto("/dashboard?from=2011-01-01&to=2011-12-31");
  const year = page.getByTestId("figure-arrivals-year").getByRole("listitem").filter({ hasText: "2011 · Laos" });
  await year.getByRole("link", { name: "5 people" }).click();
  await expect(page).toHaveURL(/arrived=2011&nationality=LA/);
  await expect(page.getByTestId("people-total")).toContainText("5 people");
  await expectAccessible(page);
});

test("a count is read out in words that agree with it: one person, one household", async ({ page }) => {
  // July 2009: no other test's cases arrive in it. One person, alone.
  await newCase({ team: "Bangkok", nationality: "LA", entryDate: "2009-07-10" });
  await signInAs(page, "supervisor");
  await page.goto("/dashboard?from=2009-07-01&to=2009-07-31");
  const row = page.getByTestId("figure-arrivals").locator("tbody tr").filter({ hasText: "2009-07" });
  await expect(row.getByRole("link", { name: "1 person", exact: true })).toHaveText("1");
  // The cases by status count many: the plural stays.
  await expect(page.getByTestId("figure-status").getByRole("link", { name: /^\d[\d,]* cases?$/ }).first()).toBeVisible();
});
