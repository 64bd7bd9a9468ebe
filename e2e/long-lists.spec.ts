import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

// Long lists are shown a page at a time, and a busy day in the calendar
// grid links to the rest of its hearings: a team of its own, so the counts are known.
test("the deadlines come a page at a time, and a busy day in the month links to its agenda", async ({ page }) => {
  const teamName = `Paging ${uniqueTag()}`;
  await sql(`insert into "Team" (id, name) values (gen_random_uuid(), $1)`, [teamName]);
  const supervisor = await ownAccount("SUPERVISOR", teamName);
  const target = await newCase();
  await sql(`update "Case" set "teamId" = (select id from "Team" where name = $1) where id = $2`, [teamName, target.id]);
  const [proceeding] = await sql<{ id: string }>(
    `insert into "Proceeding" (id, "caseId", type, stage, "updatedAt") values (gen_random_uuid(), $1, 'CRIMINAL', 'HEARINGS', now()) returning id`,
    [target.id],
  );
  await sql(
    `insert into "Task" (id, "caseId", "proceedingId", title, "dueOn", origin, "updatedAt")
     select gen_random_uuid(), $1, $2, 'Deadline ' || g, current_date + g, 'RULE', now() from generate_series(1, 30) g`,
    [target.id, proceeding.id],
  );
  await sql(
    `insert into "Hearing" (id, "proceedingId", "courtId", "startsAt", purpose, "updatedAt")
     select gen_random_uuid(), $1, (select id from "Court" order by name limit 1), date_trunc('day', now()) + interval '10 days' + g * interval '30 minutes', 'FIRST_HEARING', now()
     from generate_series(1, 6) g`,
    [proceeding.id],
  );
  await signInAs(page, { email: supervisor });

  await page.goto("/deadlines");
  await expect(page.getByTestId("deadline")).toHaveCount(25);
  await expect(page.getByText("1–25 of 30")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Pages of deadlines" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("deadline")).toHaveCount(5);
  await expect(page.getByTestId("deadline").last()).toContainText(target.code);

  // Six hearings on one day: the month's cell shows four and links to the day's agenda for the rest.
  const [{ day }] = await sql<{ day: string }>(
    `select to_char(min(("startsAt" at time zone 'UTC') at time zone 'Asia/Bangkok'), 'YYYY-MM-DD') as day from "Hearing" where "proceedingId" = $1`,
    [proceeding.id],
  );
  await page.goto(`/hearings?view=month&date=${day}`);
  const more = page.getByRole("link", { name: "2 more" });
  await expect(more).toBeVisible();
  await expectAccessible(page);
  await more.click();
  await expect(page).toHaveURL(new RegExp(`view=agenda.*date=${day}|date=${day}.*view=agenda`));
  await expect(page.getByTestId("agenda-hearing")).toHaveCount(6);
});

// A case of years: the timeline shows its newest 25 entries, and every older one is a page away.
test("a case's timeline comes a page at a time, newest first", async ({ page }) => {
  // Not a word of the message catalogue: the every-language check would take it for untranslated English.
  const teamName = `Notes team ${uniqueTag()}`;
  await sql(`insert into "Team" (id, name) values (gen_random_uuid(), $1)`, [teamName]);
  const supervisor = await ownAccount("SUPERVISOR", teamName);
  const target = await newCase();
  await sql(`update "Case" set "teamId" = (select id from "Team" where name = $1) where id = $2`, [teamName, target.id]);
  await sql(
    `insert into "Note" (id, "caseId", "authorId", kind, body, confidential, "createdAt")
     select gen_random_uuid(), $1, (select id from "User" where email = $2), 'CONTACT', 'Old note ' || g, false, now() - g * interval '1 day'

     from generate_series(1, 40) g`,
    [target.id, supervisor],
  );
  await signInAs(page, { email: supervisor });
  await page.goto(`/cases/${target.code}`);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByText("Old note 1", { exact: true })).toBeVisible();
  await expect(timeline.locator(":scope > li")).toHaveCount(25);
  await expect(timeline.getByText("Old note 40", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Timeline pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/timeline=2/);
  await expect(timeline.getByText("Old note 40", { exact: true })).toBeVisible();
  await expect(timeline.getByText("Old note 1", { exact: true })).toHaveCount(0);
});
