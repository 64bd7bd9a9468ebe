import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("notes go on the timeline; confidential ones only for their author and supervisors", async ({ page, browser }) => {
  const target = await newCase();
  const tag = uniqueTag();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await page.getByLabel("Type").selectOption("EMBASSY_CONTACT");
  await page.getByLabel("Note", { exact: true }).fill(`Confidential embassy call ${tag}`);
  await page.getByLabel(/Confidential/).check();
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Note saved.")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText(`Confidential embassy call ${tag}`);
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  // An empty note is refused beside the field.
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();

  const legal = await browser.newContext();
  const legalPage = await legal.newPage();
  const [counselCase] = await sql<{ code: string }>(
    `select c.code from "Case" c join "CaseMember" m on m."caseId" = c.id where m.role = 'COUNSEL' and c.id = $1`,
    [target.id],
  );
  const supervisor = await browser.newContext();
  const supervisorPage = await supervisor.newPage();
  await signInAs(supervisorPage, "supervisor");
  await supervisorPage.goto(`/cases/${target.code}`);
  await expect(supervisorPage.getByTestId("timeline")).toContainText(`Confidential embassy call ${tag}`);
  if (counselCase) {
    await signInAs(legalPage, "legal");
    await legalPage.goto(`/cases/${target.code}`);
    await expect(legalPage.getByRole("heading", { level: 1 })).toHaveText(target.code);
    await expect(legalPage.getByText(`Confidential embassy call ${tag}`)).toHaveCount(0);
  }
  await legal.close();
  await supervisor.close();
});

test("a second save of the same case is refused with who changed it and when, and shows their change beside what was typed, to re-apply", async ({ browser }) => {
  const target = await newCase();
  const first = await browser.newContext();
  const second = await browser.newContext();
  const firstPage = await first.newPage();
  const secondPage = await second.newPage();
  await signInAs(firstPage, "caseworker");
  await signInAs(secondPage, "supervisor");
  await firstPage.goto(`/cases/${target.code}/edit`);
  await secondPage.goto(`/cases/${target.code}/edit`);
  await expectAccessible(firstPage);

  await firstPage.getByLabel("Entry point into Thailand").fill("Nong Khai (edited first)");
  await firstPage.getByLabel("How they entered").fill("By boat");
  await firstPage.getByRole("button", { name: "Save changes" }).click();
  await expect(firstPage).toHaveURL(new RegExp(`/cases/${target.code}$`));
  await expect(firstPage.getByText("Nong Khai (edited first)")).toBeVisible();

  await secondPage.getByLabel("Entry point into Thailand").fill("Aranyaprathet (edited second)");
  await secondPage.getByRole("button", { name: "Save changes" }).click();
  const conflict = secondPage.getByTestId("conflict");
  await expect(conflict.getByRole("alert")).toContainText(`${ACCOUNTS.caseworker.name} saved a change to this record at`);
  await expect(conflict.getByRole("alert")).toContainText("what you typed is still in the form");
  // What the form showed, what is saved now, and what this person typed: the field they both changed, and the one only the first changed.
  const entryRow = conflict.getByRole("row", { name: /Entry point into Thailand/ });
  await expect(entryRow).toContainText("Nong Khai (edited first)");
  await expect(entryRow).toContainText("Aranyaprathet (edited second)");
  const methodRow = conflict.getByRole("row", { name: /How they entered/ });
  await expect(methodRow.getByRole("cell").nth(0)).toHaveText("(empty)");
  await expect(methodRow.getByRole("cell").nth(1)).toHaveText("By boat");
  await expect(secondPage.getByRole("textbox", { name: "Entry point into Thailand" })).toHaveValue("Aranyaprathet (edited second)");
  await expectAccessible(secondPage);
  let [journey] = await sql<{ entryPoint: string; entryMethod: string }>(`select "entryPoint", "entryMethod" from "Journey" where "caseId" = $1`, [target.id]);
  expect(journey).toEqual({ entryPoint: "Nong Khai (edited first)", entryMethod: "By boat" });

  // They keep the other person's method, keep their own entry point, and save again: it goes through, over the first save.
  await methodRow.getByRole("button", { name: "Use the saved value for How they entered" }).click();
  await expect(secondPage.getByRole("textbox", { name: "How they entered" })).toHaveValue("By boat");
  await secondPage.getByRole("button", { name: "Save changes" }).click();
  await expect(secondPage).toHaveURL(new RegExp(`/cases/${target.code}$`));
  [journey] = await sql<{ entryPoint: string; entryMethod: string }>(`select "entryPoint", "entryMethod" from "Journey" where "caseId" = $1`, [target.id]);
  expect(journey).toEqual({ entryPoint: "Aranyaprathet (edited second)", entryMethod: "By boat" });
  const audits = await sql<{ fields: string[] }>(`select fields from "AuditLog" where "caseId" = $1 and action = 'case.update' order by id`, [target.id]);
  expect(audits.map((a) => a.fields)).toEqual([["journey.entryPoint", "journey.entryMethod"], ["journey.entryPoint"]]);
  await first.close();
  await second.close();
});

test("editing a household member keeps the case list in step and is audited", async ({ page }) => {
  const target = await newCase();
  const tag = uniqueTag();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("link", { name: /^Edit (?!case)/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit");
  await expectAccessible(page);
  await page.getByLabel("Name (Latin script)").fill(`Renamed Principal ${tag}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${target.code}$`));
  await expect(page.getByTestId("timeline")).toContainText("Household member updated — Changed: Name (Latin script)");
  await page.goto(`/cases?q=${encodeURIComponent(`renamed principal ${tag}`)}`);
  await expect(page.getByRole("link", { name: target.code })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(`Renamed Principal ${tag}`) })).toBeVisible();
});

test("a caseworker of another team gets 404 for a case URL, and the view is audited for those who may see it", async ({ page }) => {
  const target = await newCase();
  await signInAs(page, "caseworkerNorth");
  const response = await page.goto(`/cases/${target.code}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(target.code)).toHaveCount(0);
  const editResponse = await page.goto(`/cases/${target.code}/edit`);
  expect(editResponse?.status()).toBe(404);

  const [northUser] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.caseworkerNorth.email]);
  expect(await sql(`select 1 from "AuditLog" where "actorId" = $1 and action = 'case.view' and "caseId" = $2`, [northUser.id, target.id])).toHaveLength(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "caseworker");
  const before = Date.now();
  await page.goto(`/cases/${target.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.code);
  const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.caseworker.email]);
  const views = await sql<{ ip: string | null; at: Date }>(
    `select ip, at from "AuditLog" where "actorId" = $1 and action = 'case.view' and "caseId" = $2 order by id desc limit 1`,
    [user.id, target.id],
  );
  expect(views).toHaveLength(1);
  expect(views[0].at.getTime()).toBeGreaterThan(before - 5_000);
  expect(views[0].ip).toBeTruthy();
});

test("a restricted case is hidden from team caseworkers not named on it", async ({ page }) => {
  const [restricted] = await sql<{ code: string; name: string }>(
    `select c.code, c."principalName" as name from "Case" c join "Team" t on t.id = c."teamId" join "User" u on u.id = c."caseworkerId"
     where t.name = 'Bangkok' and c.sensitivity = 'RESTRICTED' order by c.code limit 1`,
  );
  expect(restricted, "the demo data has a restricted Bangkok case").toBeTruthy();
  // Take the case away from the demo caseworker so they are not named on it.
  await sql(`update "Case" set "caseworkerId" = (select id from "User" where email = $1) where code = $2`, [ACCOUNTS.supervisor.email, restricted.code]);
  await signInAs(page, "caseworker");
  expect((await page.goto(`/cases/${restricted.code}`))?.status()).toBe(404);
  await page.goto(`/cases?q=${restricted.code}`);
  await expect(page.getByRole("status")).toHaveText("No cases");
  // The plain list says the case exists, by its code only.
  await page.goto("/cases");
  await expect(page.getByTestId("restricted-codes")).toContainText(restricted.code);
  await expect(page.locator("main")).not.toContainText(restricted.name);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${restricted.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(restricted.code);
});

// Security finding 5: a caseworker named on a restricted case could lift "Restricted" with no approval and no notice.
test("only a supervisor lifts “Restricted”: a caseworker's attempt asks the supervisors, who are told when it is lifted", async ({ page, browser }) => {
  const target = await newCase({ sensitivity: "RESTRICTED", caseworker: "caseworker" });
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}/edit`);
  await page.getByLabel("Sensitivity").selectOption("STANDARD");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Only a supervisor can lift “Restricted”.")).toBeVisible();
  expect(await sql(`select sensitivity::text from "Case" where id = $1`, [target.id])).toEqual([{ sensitivity: "RESTRICTED" }]);
  const notices = (kind: string) =>
    sql(`select 1 from "Notification" n join "User" u on u.id = n."userId" where n."caseId" = $1 and n.kind = $2 and u.email = $3`, [target.id, kind, ACCOUNTS.supervisor.email]);
  expect(await notices("restriction-lift-requested")).toHaveLength(1);

  const supervisor = await (await browser.newContext()).newPage();
  await signInAs(supervisor, "supervisor");
  await supervisor.goto(`/cases/${target.code}/edit`);
  await supervisor.getByLabel("Sensitivity").selectOption("STANDARD");
  await supervisor.getByRole("button", { name: "Save changes" }).click();
  await expect(supervisor).toHaveURL(new RegExp(`/cases/${target.code}$`));
  expect(await sql(`select sensitivity::text from "Case" where id = $1`, [target.id])).toEqual([{ sensitivity: "STANDARD" }]);
  expect(await notices("restriction-lifted")).toHaveLength(1);
});
