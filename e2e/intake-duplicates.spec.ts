import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

async function fillPrincipal(page: Page, person: Record<string, string>) {
  const group = page.getByRole("group", { name: /^Person 1/ });
  for (const [label, value] of Object.entries(person)) {
    const field = group.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
}

test("intake of a person registered under another spelling shows the match; the caseworker links to it, or opens a new case with a reason", async ({ page }) => {
  // A Bangkok household registered as "Jeong Gyeong-hui", born 1990.
  const { code } = await newCase({ name: "Jeong Gyeong-hui", nationality: "KP", birthYear: 1990 });

  await signInAs(page, "caseworker");
  await page.goto("/cases/new");
  // The same woman, written the way a partner organisation spelled her name.
  const variant = { "Name (Latin script)": "Chung Kyung Hee", "Date of birth": "1990", Sex: "FEMALE", Nationality: "KP" };
  await fillPrincipal(page, variant);
  await page.getByRole("button", { name: "Open case" }).click();

  const matches = page.getByRole("region", { name: /Possible earlier registrations/ });
  await expect(matches).toBeVisible();
  const match = matches.getByRole("listitem").filter({ hasText: code });
  await expect(match).toContainText("Jeong Gyeong-hui");
  await expect(match).toContainText("Matched on: name, year of birth, nationality");
  await expect(match).toContainText(/\d+% likely/);
  await expectAccessible(page);
  // Nothing is saved while the caseworker decides.
  expect(await sql(`select 1 from "Person" where "latinName" = 'Chung Kyung Hee'`)).toHaveLength(0);

  await match.getByRole("button", { name: `Same person: open ${code}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${code}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  const linked = await sql(
    `select 1 from "AuditLog" a join "User" u on u.id = a."actorId"
     where a.action = 'duplicate.link' and a."caseId" = (select id from "Case" where code = $1) and u.email = 'caseworker@demo.waypoint.test'`,
    [code],
  );
  expect(linked).toHaveLength(1);
  expect(await sql(`select 1 from "Person" where "latinName" = 'Chung Kyung Hee'`)).toHaveLength(0);

  // Another time the caseworker decides it is someone else: a reason is required and kept.
  await page.goto("/cases/new");
  await fillPrincipal(page, variant);
  await page.getByRole("button", { name: "Open case" }).click();
  await page.getByRole("button", { name: "Different person: open a new case" }).click();
  await expect(page.getByText("Say why this is a different person (at least 5 characters).")).toBeVisible();
  await page.getByLabel("Why is this a different person?").fill("Different mother's name and home town (Hyesan, not Chongjin).");
  await page.getByRole("button", { name: "Different person: open a new case" }).click();
  await expect(page).toHaveURL(/\/cases\/WP-\d{4}-\d{6}$/);
  const newCode = page.url().split("/").pop()!;
  expect(newCode).not.toBe(code);
  const [note] = await sql<{ body: string }>(`select body from "Note" where "caseId" = (select id from "Case" where code = $1)`, [newCode]);
  expect(note.body).toContain(code);
  expect(note.body).toContain("Hyesan, not Chongjin");
  const [created] = await sql<{ detail: { possibleMatches: string[] } }>(
    `select detail from "AuditLog" where action = 'case.create' and "caseId" = (select id from "Case" where code = $1)`,
    [newCode],
  );
  expect(created.detail.possibleMatches).toContain(code);
});

/** Opens a household with this principal through the intake form (past any possible matches with demo people) and returns its code. */
async function openHousehold(page: Page, person: Record<string, string>) {
  await page.goto("/cases/new");
  await fillPrincipal(page, person);
  await page.getByRole("button", { name: "Open case" }).click();
  const matches = page.getByRole("region", { name: /Possible earlier registrations/ });
  await expect(matches.or(page.getByRole("heading", { level: 1, name: /^WP-\d{4}-\d{6}$/ }))).toBeVisible();
  if (await matches.isVisible()) {
    await page.getByLabel("Why is this a different person?").fill("Set up by the test: a new household.");
    await page.getByRole("button", { name: "Different person: open a new case" }).click();
  }
  await expect(page).toHaveURL(/\/cases\/WP-\d{4}-\d{6}$/);
  return page.url().split("/").pop()!;
}

test("adding a household member already registered in another case shows the match; the caseworker opens that case, or adds them with a reason", async ({ page }) => {
  const tag = uniqueTag();
  await signInAs(page, "caseworker");
  const registered = await openHousehold(page, { "Name (Latin script)": `Đặng Ngọc Trâm ${tag}`, "Date of birth": "1963", Sex: "FEMALE", Nationality: "VN" });
  const household = await openHousehold(page, { "Name (Latin script)": `Lò Văn Sinh ${tag}`, "Date of birth": "1960", Sex: "MALE", Nationality: "VN" });
  const added = () => sql(`select 1 from "Person" where "latinName" = $1`, [`Dang Ngoc Tram ${tag}`]);

  // The wife, as a partner organisation wrote her name, added to the husband's household.
  const addWife = async () => {
    await page.goto(`/cases/${household}/people/new`);
    await page.getByLabel("Relationship to principal").selectOption("SPOUSE");
    await page.getByLabel("Name (Latin script)").fill(`Dang Ngoc Tram ${tag}`);
    await page.getByLabel("Date of birth").fill("1963");
    await page.getByLabel("Sex").selectOption("FEMALE");
    await page.getByLabel("Nationality").selectOption("VN");
    await page.getByRole("button", { name: "Add person" }).click();
  };
  await addWife();
  const matches = page.getByRole("region", { name: /Possible earlier registrations/ });
  const match = matches.getByRole("listitem").filter({ hasText: registered });
  await expect(match).toContainText(`Đặng Ngọc Trâm ${tag}`);
  await expect(match).toContainText("Matched on: name, year of birth, nationality");
  await expect(matches).toContainText("add them to this household");
  await expectAccessible(page);
  expect(await added()).toHaveLength(0);

  // She is the same woman: the caseworker goes to her case, nothing is added.
  await match.getByRole("button", { name: `Same person: open ${registered}` }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${registered}$`));
  expect(await added()).toHaveLength(0);
  const [linked] = await sql<{ detail: { fromCaseId: string } }>(
    `select a.detail from "AuditLog" a where a.action = 'duplicate.link' and a."caseId" = (select id from "Case" where code = $1)`,
    [registered],
  );
  expect(linked.detail.fromCaseId).toBe((await sql<{ id: string }>(`select id from "Case" where code = $1`, [household]))[0].id);

  // Another day it turns out to be someone else: added with a reason, kept as a note on the household.
  await addWife();
  await page.getByRole("button", { name: "Different person: add to this household" }).click();
  await expect(page.getByText("Say why this is a different person (at least 5 characters).")).toBeVisible();
  expect(await added()).toHaveLength(0);
  await page.getByLabel("Why is this a different person?").fill("Same name, but born in Đà Lạt, never registered with UNHCR.");
  await page.getByRole("button", { name: "Different person: add to this household" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${household}$`));
  expect(await added()).toHaveLength(1);
  const [note] = await sql<{ body: string }>(`select body from "Note" where "caseId" = (select id from "Case" where code = $1) and body like $2`, [household, `Dang Ngoc Tram ${tag} added despite%`]);
  expect(note.body).toContain(registered);
  expect(note.body).toContain("born in Đà Lạt");
  const [audit] = await sql<{ detail: { possibleMatches: string[] } }>(
    `select detail from "AuditLog" where action = 'person.create' and "caseId" = (select id from "Case" where code = $1)`,
    [household],
  );
  expect(audit.detail.possibleMatches).toContain(registered);
});

// Security finding 2: the duplicate check answered "restricted: true" with a score that moved with the birth year typed.
test("a match in a case the caseworker cannot open says only that one exists, tells that case's supervisors, and checks are limited per hour", async ({ page }) => {
  const name = `Hidden Person ${uniqueTag()}`;
  // A restricted Bangkok case; the registering caseworker works in Chiang Rai.
  const hidden = await newCase({ team: "Bangkok", sensitivity: "RESTRICTED", caseworker: "supervisor", name, nationality: "KP", birthYear: 1990 });
  const email = await ownAccount("CASEWORKER", "Chiang Rai");
  await signInAs(page, { email });
  const answers: string[] = [];
  for (const year of ["1990", "1991", "1989"]) {
    await page.goto("/cases/new");
    await fillPrincipal(page, { "Name (Latin script)": name, "Date of birth": year, Sex: "FEMALE", Nationality: "KP" });
    await page.getByRole("button", { name: "Open case" }).click();
    const matches = page.getByRole("region", { name: /Possible earlier registrations/ });
    await expect(matches).toContainText("There may also be a match in a case you cannot open.");
    answers.push((await matches.textContent()) ?? "");
  }
  // The same answer whatever birth year was typed: no score, no "restricted", no code.
  expect(new Set(answers).size).toBe(1);
  expect(answers[0]).not.toMatch(/%|restricted|WP-/i);
  expect(answers[0]).not.toContain(hidden.code);
  await expectAccessible(page);

  // The supervisors of the hidden case are told (once while unread); each check is audited with the fields checked.
  expect(await sql(`select count(*)::int as n from "Notification" n join "User" u on u.id = n."userId" where n."caseId" = $1 and n.kind = 'duplicate-hidden' and u.email = 'supervisor@demo.waypoint.test'`, [hidden.id])).toEqual([{ n: 1 }]);
  const checks = await sql<{ detail: { fields: string[]; hiddenPeople: number; shown: string[] } }>(
    `select a.detail from "AuditLog" a join "User" u on u.id = a."actorId" where u.email = $1 and a.action = 'duplicate.check' order by a.id`,
    [email],
  );
  expect(checks).toHaveLength(3);
  expect(checks[0].detail).toMatchObject({ fields: expect.arrayContaining(["latinName", "birthYear", "nationality"]), hiddenPeople: 1, shown: [] });

  // Enough checks in an hour, and the next one is refused.
  await sql(
    `insert into "AuditLog" ("actorId", action, entity, detail) select id, 'duplicate.check', 'Case', '{}'::jsonb from "User", generate_series(1, 60) where email = $1`,
    [email],
  );
  await page.goto("/cases/new");
  await fillPrincipal(page, { "Name (Latin script)": name, "Date of birth": "1990", Sex: "FEMALE", Nationality: "KP" });
  await page.getByRole("button", { name: "Open case" }).click();
  await expect(page.getByText("You have checked for earlier registrations many times in the last hour.")).toBeVisible();
});
