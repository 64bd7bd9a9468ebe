import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql } from "./helpers";
import { newCase } from "./data";

test("a Thai user types 01/10/2569 and the record holds 2026-10-01; the field says how it read the date", async ({ page }) => {
  const email = await ownAccount("CASEWORKER", "Bangkok");
  await sql(`update "User" set locale = 'th' where email = $1`, [email]);
  const target = await newCase({ team: "Bangkok" });
  await signInAs(page, { email });
  await page.goto(`/cases/${target.code}/tasks`);
  const form = page.locator("form", { has: page.locator('input[name="dueOn"]') });
  const due = form.locator('input[inputmode="numeric"]');
  // Day/month/year of the Buddhist era, never the browser's month/day/year.
  await expect(due).toHaveAttribute("placeholder", "วว/ดด/ปปปป (พ.ศ.)");
  await form.locator('input[name="title"]').fill("ยื่นเอกสารต่อ UNHCR");
  await due.fill("01/10/2569");
  await expect(form).toContainText("พ.ศ. 2569 = ค.ศ. 2026");
  await expect(form.locator('input[name="dueOn"]')).toHaveValue("2026-10-01");
  await expectAccessible(page);
  await form.locator('button[type="submit"]').click();
  await expect.poll(async () => (await sql<{ due: string }>(`select "dueOn"::text as due from "Task" where "caseId" = $1 and title = $2`, [target.id, "ยื่นเอกสารต่อ UNHCR"]))[0]?.due).toBe("2026-10-01");
  // What is not a date says so beside the field before it is sent (once the saved form has been cleared for the next task).
  await expect(form.locator('input[name="title"]')).toHaveValue("");
  await due.fill("31/02/2569");
  await expect(due).toHaveAttribute("aria-invalid", "true");
});
