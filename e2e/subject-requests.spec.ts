import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("a supervisor exports everything about a person, then erases them; the erasure is audited without the values", async ({ page }) => {
  const child = `Test Child ${uniqueTag()}`;
  const household = await newCase({ members: [child] });
  const target = { code: household.code, personId: household.personIds[1], name: child };
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${target.code}/people/${target.personId}/edit`);
  await expect(page.getByRole("heading", { name: "Requests from this person" })).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download everything (.zip)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^waypoint-${target.code}-person-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const { unzipSync, strFromU8 } = await import("fflate");
  const record = JSON.parse(strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await file.path())!)))["person.json"]));
  expect(record.person.latinName).toBe(target.name);

  const erase = page.getByRole("form", { name: "Erase this person" });
  await erase.getByLabel("Why (recorded in the audit log)").fill("Asked in person at the office");
  await erase.getByLabel(/Type the case code/).fill("WP-0000-000000");
  await erase.getByRole("button", { name: "Erase this person" }).click();
  await expect(erase.getByText("Type the case code exactly as shown.")).toBeVisible();
  await erase.getByLabel(/Type the case code/).fill(target.code);
  await erase.getByRole("button", { name: "Erase this person" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${target.code}$`));
  await expect(page.getByRole("region", { name: "Household" })).toContainText("Erased person");
  await expect(page.locator("main")).not.toContainText(target.name);

  const audit = await sql<{ action: string; detail: unknown }>(`select action, detail from "AuditLog" where "entityId" = $1 and action in ('person.export', 'person.erase') order by id`, [target.personId]);
  expect(audit.map((a) => a.action)).toEqual(["person.export", "person.erase"]);
  expect(JSON.stringify(audit)).not.toContain(target.name);
});

test("caseworkers have no data subject request controls and cannot call the export", async ({ page }) => {
  const household = await newCase();
  const target = { code: household.code, personId: household.personIds[0] };
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}/people/${target.personId}/edit`);
  await expect(page.getByRole("heading", { name: "Requests from this person" })).toHaveCount(0);
  expect((await page.request.post(`/api/people/${target.personId}/export`)).status()).toBe(404);
});
