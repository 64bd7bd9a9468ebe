import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("a supervisor merges a household registered twice: chooses the surviving values, everything moves, the old code leads to the survivor", async ({ page }) => {
  // The same household registered twice, the principal's name spelled two ways, a child only on the second file.
  const tag = uniqueTag();
  const survivor = await newCase({ name: `Nguyen Thi Lan ${tag}` });
  const merged = await newCase({ name: `Nguyễn Thị Lan ${tag}`, members: [`Nguyen Van Binh ${tag}`] });
  const count = async (table: string, caseId: string) => Number((await sql<{ n: string }>(`select count(*) as n from "${table}" where "caseId" = $1`, [caseId]))[0].n);
  const notesBefore = (await count("Note", survivor.id)) + (await count("Note", merged.id));
  const peopleBefore = (await count("Person", survivor.id)) + (await count("Person", merged.id));

  await signInAs(page, "supervisor");
  await page.goto(`/cases/${survivor.code}`);
  await page.getByRole("link", { name: "Merge with another case" }).click();
  await expect(page.getByRole("heading", { name: `Merge another case into ${survivor.code}` })).toBeVisible();
  await page.getByLabel("Code of the other case").fill(merged.code);
  await page.getByRole("button", { name: "Compare" }).click();
  const form = page.getByRole("form", { name: "Merge the cases" });
  const name = form.getByRole("group", { name: "Principal’s name (Latin script)" });
  await expect(name).toContainText(survivor.name);
  await expect(name).toContainText(merged.name);
  await expectAccessible(page);
  await name.getByRole("radio").nth(1).check();
  // Seeing the other case's values is a view of it.
  expect(await sql(`select 1 from "AuditLog" where action = 'case.view' and "caseId" = $1 and detail->>'purpose' = 'merge'`, [merged.id])).toHaveLength(1);

  await form.getByRole("button", { name: `Merge ${merged.code} into ${survivor.code}` }).click();
  await expect(form.getByText("Type the case code exactly as shown.")).toBeVisible();
  expect(await sql(`select 1 from "Case" where id = $1`, [merged.id])).toHaveLength(1);
  await form.getByLabel(`Type ${merged.code} to confirm`).fill(merged.code.toLowerCase());
  await form.getByRole("button", { name: `Merge ${merged.code} into ${survivor.code}` }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/${survivor.code}$`));
  await expect(page.getByRole("heading", { level: 2, name: merged.name }).or(page.getByText(merged.name).first())).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Cases merged");
  expect(await sql(`select 1 from "Case" where id = $1`, [merged.id])).toHaveLength(0);
  expect(await count("Note", survivor.id)).toBe(notesBefore);
  // The principals became one person; everyone else joined the household.
  expect(await count("Person", survivor.id)).toBe(peopleBefore - 1);

  await page.goto(`/cases/${merged.code}`);
  await expect(page).toHaveURL(new RegExp(`/cases/${survivor.code}$`));
});
