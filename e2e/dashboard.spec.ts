import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./helpers";

test("a supervisor opens the dashboard and follows a figure through to the cases behind it", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("figures-as-of")).toContainText("Figures as of");
  // Figures are kept for a minute; other tests change cases meanwhile, so count afresh.
  await page.getByRole("link", { name: "Recompute now" }).click();
  await expect(page).toHaveURL(/fresh=1/);
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
  await page.getByRole("link", { name: "Recompute now" }).click();
  await expect(page).toHaveURL(/fresh=1/);
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
