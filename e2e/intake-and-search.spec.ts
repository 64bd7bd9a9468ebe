import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

async function fillPerson(page: Page, index: number, person: Record<string, string>) {
  const group = page.getByRole("group", { name: new RegExp(`^Person ${index + 1}`) });
  for (const [label, value] of Object.entries(person)) {
    const field = group.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  return group;
}

test("a caseworker opens a North Korean household after fixing an invalid field, and finds it by Hangul name", async ({ page }) => {
  const tag = uniqueTag();
  const latinName = `Ri Chol-ung ${tag}`;
  await signInAs(page, "caseworker");
  await page.getByRole("link", { name: "New case" }).first().click();
  await expect(page.getByRole("heading", { name: "New case" })).toBeVisible();
  await expectAccessible(page);

  await fillPerson(page, 0, {
    "Name (Latin script)": latinName,
    "Name (native script)": `리철웅${tag}`,
    "Date of birth": "1988-02-30", // no such date
    Sex: "MALE",
    Nationality: "KP",
    Languages: "Korean",
  });
  await page.getByRole("button", { name: "Add household member" }).click();
  const child = await fillPerson(page, 1, { "Relationship to principal": "CHILD", "Name (Latin script)": `Ri Un-hui ${tag}`, "Date of birth": "2015", Sex: "FEMALE", Nationality: "KP" });
  await child.getByLabel("Child", { exact: true }).check();
  await page.getByLabel("Country of origin").selectOption("KP");
  await page.getByLabel("China", { exact: true }).check();
  await page.getByLabel("Laos", { exact: true }).check();
  await page.getByLabel("Entry point into Thailand").fill("Chiang Saen");
  await page.getByLabel("Date of entry").fill("2026-10-02");
  await page.getByLabel("Broker fee paid").fill("3,000");
  await page.getByLabel("Currency").selectOption("USD");
  await page.getByRole("button", { name: "Open case" }).click();

  // The message sits beside the field, the typed values stay, nothing is saved.
  const principal = page.getByRole("group", { name: /^Person 1/ });
  await expect(principal.getByText("Enter a year (1985) or a full date (1985-04-23).")).toBeVisible();
  await expect(principal.getByLabel("Date of birth")).toHaveAttribute("aria-invalid", "true");
  await expect(principal.getByLabel("Name (Latin script)")).toHaveValue(latinName);
  expect(await sql(`select 1 from "Person" where "latinName" = $1`, [latinName])).toHaveLength(0);

  await principal.getByLabel("Date of birth").fill("1988");
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page).toHaveURL(/\/cases\/WP-\d{4}-\d{6}$/);
  const code = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  await expect(page.getByText("1988 (year only)")).toBeVisible();
  await expect(page.getByText("3,000 USD")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Case opened");
  await expectAccessible(page);

  const saved = await sql<{ householdSize: number; nationality: string }>(`select "householdSize", nationality from "Case" where code = $1`, [code]);
  expect(saved).toEqual([{ householdSize: 2, nationality: "KP" }]);

  await page.goto(`/cases?q=${encodeURIComponent(`리철웅${tag}`)}`);
  await expect(page.getByRole("link", { name: code })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("1 case");
  await expectAccessible(page);
});

test("a Vietnamese household is found without accents, by UNHCR number, and filtered by nationality", async ({ page }) => {
  const tag = uniqueTag();
  const unhcr = `555-26C${Math.floor(10000 + Math.random() * 89999)}`;
  await signInAs(page, "caseworker");
  await page.goto("/cases/new");
  await fillPerson(page, 0, {
    "Name (Latin script)": `H' Bđăp Ênuôl ${tag}`,
    "Name (native script)": `H' Bđăp Ênuôl ${tag}`,
    "Date of birth": "1979-06-15",
    Sex: "FEMALE",
    Nationality: "VN",
    Ethnicity: "Rhade",
    Languages: "Rhade, Vietnamese",
    "UNHCR individual number": "not a number!",
  });
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByText("Use letters, digits and dashes, e.g. 123-24C12345.")).toBeVisible();
  await page.getByLabel("UNHCR individual number").fill(unhcr);
  await page.getByLabel("Country of origin").selectOption("VN");
  await page.getByLabel("Cambodia", { exact: true }).check();
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page).toHaveURL(/\/cases\/WP-\d{4}-\d{6}$/);
  const code = page.url().split("/").pop()!;

  for (const query of [`bdap enuol ${tag}`, `BĐĂP ÊNUÔL ${tag}`, unhcr.toLowerCase(), code]) {
    await page.goto(`/cases?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole("link", { name: code }), `search "${query}"`).toBeVisible();
  }

  await page.goto(`/cases?q=${encodeURIComponent(`bdap enuol ${tag}`)}&nationality=KP`);
  await expect(page.getByRole("status")).toHaveText("No cases");
  await expect(page.getByText("No cases match.")).toBeVisible();

  // Filters and sort through the form itself.
  await page.goto("/cases");
  await page.getByLabel("Nationality").selectOption("VN");
  await page.getByLabel("Status").selectOption("OPEN");
  await page.getByLabel("Sort by").selectOption("opened");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/nationality=VN/);
  await expect(page.getByRole("link", { name: code })).toBeVisible();
  const rows = page.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const text of await page.locator("tbody tr td:nth-child(3)").allTextContents()) expect(text).toBe("Viet Nam");
});

test("the case list pages through results on the server", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.goto("/cases?sort=code&dir=asc");
  await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
  const firstPage = await page.locator("tbody tr td:first-child").allTextContents();
  expect(firstPage).toHaveLength(25);
  expect([...firstPage].sort()).toEqual(firstPage);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  const secondPage = await page.locator("tbody tr td:first-child").allTextContents();
  expect(secondPage[0] > firstPage[24]).toBe(true);
});

test("the case list filters by the month of arrival, from a field of the form", async ({ page }) => {
  const arrived = await newCase({ entryDate: "2019-04-15" });
  const other = await newCase({ entryDate: "2019-05-02" });
  await signInAs(page, "supervisor");
  await page.goto("/cases");
  await page.getByLabel("Arrived in (month)").fill("2019-04");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/arrived=2019-04/);
  const table = page.getByRole("table");
  await expect(table).toContainText(arrived.code);
  await expect(table).not.toContainText(other.code);
  await expect(page.getByLabel("Arrived in (month)")).toHaveValue("2019-04");
  // Households and people both: an arrivals figure counts people, and this list says how many.
  await expect(page.getByTestId("people-total")).toHaveText(/^\d+ (person|people) in these households$/);
  await expectAccessible(page);
});
