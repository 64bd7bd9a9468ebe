import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag, type AccountKey } from "./helpers";
import { newCase } from "./data";

// Caseworkers record visits on a phone: no page may be wider than a small
// phone's screen. Wide tables scroll inside their own box instead.
const PHONE = { width: 360, height: 780 };

/** The page is no wider than the screen; if it is, says which elements stick out. */
async function expectFitsScreen(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const scrolls = (el: Element | null): boolean => {
      for (let at = el; at; at = at.parentElement) if (["auto", "scroll", "hidden"].includes(getComputedStyle(at).overflowX)) return true;
      return false;
    };
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el.parentElement))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
  });
  expect(overflow, `${path} is wider than the phone`).toEqual([]);
}

// The two demo cases with the most on them (proceedings, detention, people), so long content is on the page.
async function busiestCases() {
  const rows = await sql<{ code: string }>(
    `select c.code from "Case" c join "Team" t on t.id = c."teamId"
     where t.name = 'Bangkok' and c.sensitivity = 'STANDARD' and c.status = 'OPEN'
     order by (select count(*) from "Proceeding" p where p."caseId" = c.id) + (select count(*) from "DetentionEpisode" d where d."caseId" = c.id) + (select count(*) from "Person" p where p."caseId" = c.id) desc, c.code
     limit 2`,
  );
  return rows.map((r) => r.code);
}

const PAGES: Record<string, (code: string, other: string) => string[]> = {
  supervisor: (code, other) => [
    "/cases",
    "/dashboard",
    "/exports",
    "/hearings?view=agenda",
    "/hearings?view=week",
    "/hearings?view=month",
    "/deadlines",
    "/board",
    "/tasks",
    "/imports",
    "/referrals",
    "/audit",
    "/notifications",
    "/reports/monthly",
    "/account",
    "/account/security",
    `/cases/${code}`,
    `/cases/${code}/edit`,
    `/cases/${code}/people/new`,
    `/cases/${code}/proceedings`,
    `/cases/${code}/custody`,
    `/cases/${code}/documents`,
    `/cases/${code}/tasks`,
    `/cases/${code}/referrals`,
    `/cases/${code}/merge`,
    `/cases/${code}/merge?with=${other}`,
    `/cases/${code}/summary`,
  ],
  caseworker: () => ["/cases/new"],
  admin: () => ["/admin/users", "/admin/settings", "/audit"],
};

test.use({ viewport: PHONE });

test("the sign-in page fits a phone", async ({ page }) => {
  await expectFitsScreen(page, "/login");
});

for (const [who, paths] of Object.entries(PAGES)) {
  test(`every page the ${who} opens fits a phone, navigation included`, async ({ page }) => {
    const [code, other] = await busiestCases();
    await signInAs(page, who as AccountKey);
    for (const path of paths(code, other)) await expectFitsScreen(page, path);
  });
}

test("the import wizard fits a phone while mapping and after checking the rows", async ({ page }) => {
  await signInAs(page, "supervisor");
  await expectFitsScreen(page, "/imports");
  const csv = "Full name,Date of birth,Sex,Nationality\nPhone Check One,1980,M,Viet Nam\n,1990,F,Laos\nPhone Check Three,31/02/1990,F,Atlantis\n";
  await page.getByLabel("Spreadsheet (CSV or .xlsx)").setInputFiles({ name: "phone-check.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Where the file comes from").fill(`Phone check ${uniqueTag()}`);
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: "Import phone-check.csv" })).toBeVisible();
  await expectFitsScreen(page, page.url().replace(/^https?:\/\/[^/]+/, ""));
  // The column choices stay wide enough to read; the mapping table scrolls instead.
  expect((await page.getByLabel("Name (Latin script) (required)").boundingBox())!.width).toBeGreaterThanOrEqual(150);
  await page.getByRole("button", { name: "Check every row" }).click();
  await expect(page.getByText("3 rows: 1 ready, 2 with errors", { exact: false })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("on a phone the case list shows cards with status, next deadline and detention, and the filters wait behind a button", async ({ page }) => {
  const name = `Phone Card ${uniqueTag()}`;
  const { id, code } = await newCase({ name });
  const [{ caseworkerId }] = await sql<{ caseworkerId: string }>(`select "caseworkerId" from "Case" where id = $1`, [id]);
  await sql(`insert into "Task" (id, "caseId", title, "dueOn", origin, "assigneeId", "updatedAt") values (gen_random_uuid(), $1, 'Renew the passport copy', current_date + 4, 'PERSON', $2, now())`, [id, caseworkerId]);
  await sql(
    `insert into "DetentionEpisode" (id, "caseId", "personId", "facilityId", "startedOn", "updatedAt")
     select gen_random_uuid(), $1, p.id, (select id from "Facility" order by name limit 1), current_date - 40, now() from "Person" p where p."caseId" = $1 and p.position = 0`,
    [id],
  );
  await signInAs(page, "caseworker");
  await page.goto(`/cases?q=${encodeURIComponent(name)}`);
  const card = page.getByTestId("case-row").filter({ hasText: code });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Open");
  await expect(card.getByTestId("next-deadline")).toContainText("Renew the passport copy");
  await expect(card.getByTestId("detention")).toContainText(/\d+ days in detention/);
  // The columns a card leaves out (nationality, household, caseworker, updated) step aside.
  const cells = card.locator("td");
  for (const column of [2, 3, 7, 8]) await expect(cells.nth(column)).toBeHidden();
  await expect(cells.nth(0)).toBeVisible();
  // The card is whole on the screen: nothing of it sideways.
  const box = (await card.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  // The search is there; the other filters are behind a button (a search alone does not open it).
  await expect(page.getByLabel("Search")).toBeVisible();
  await expect(page.getByLabel("Status")).toBeHidden();
  const toggle = page.getByRole("button", { name: "Filters and sorting" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await page.goto("/cases");
  // With the filters closed, the first case begins on the first screen.
  expect((await page.getByTestId("case-row").first().boundingBox())!.y).toBeLessThan(PHONE.height);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.getByLabel("Status").selectOption("OPEN");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/status=OPEN/);
  // A filter in use keeps them open, so the list says it is filtered.
  await expect(page.getByLabel("Status")).toBeVisible();
  await expectAccessible(page);

  // The case file puts detention and the next deadline first, on the first screen.
  await page.goto(`/cases/${code}`);
  const facts = page.getByTestId("critical-facts");
  await expect(facts).toContainText("In detention");
  await expect(facts).toContainText("Next deadline:");
  const factsBox = (await facts.boundingBox())!;
  expect(factsBox.y + factsBox.height).toBeLessThan(PHONE.height);
});
