import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql } from "./helpers";
import { newCase } from "./data";

test("a caseworker records protected details; counsel sees religion and phone but never the address or safe house", async ({ page, browser }) => {
  const household = await newCase({ counsel: "legal" });
  const target = { code: household.code, personId: household.personIds[0] };
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}/people/${target.personId}/edit`);
  const form = page.getByRole("form", { name: "Protected details" });
  await form.getByLabel("Religion").fill("Protestant Christian");
  await form.getByLabel("Phone").fill("+66 80 123 4567");
  await form.getByLabel("Address").fill("99/1 Soi Example, Bang Kapi");
  await form.getByLabel("Safe-house location").fill("House C, back room");
  await form.getByRole("button", { name: "Save protected details" }).click();
  await expect(form.getByText("Protected details saved.")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/cases/${target.code}`);
  const details = page.getByTestId("protected-details").first();
  await expect(details).toContainText("House C, back room");
  await expect(details).toContainText("Protestant Christian");

  const counsel = await (await browser.newContext()).newPage();
  await signInAs(counsel, "legal");
  await counsel.goto(`/cases/${target.code}`);
  const seen = counsel.getByTestId("protected-details").first();
  await expect(seen).toContainText("Protestant Christian");
  await expect(seen).toContainText("+66 80 123 4567");
  await expect(counsel.locator("body")).not.toContainText("Soi Example");
  await expect(counsel.locator("body")).not.toContainText("House C");

  const [audit] = await sql<{ fields: string[] }>(
    `select a.fields from "AuditLog" a join "Case" c on c.id = a."caseId" join "User" u on u.id = a."actorId"
     where c.code = $1 and u.email = 'legal@demo.waypoint.test' and a.action = 'person.protected-view' order by a.id desc limit 1`,
    [target.code],
  );
  expect(audit.fields).toEqual(["religion", "phone"]);
});
