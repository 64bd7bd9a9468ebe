import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, sessionCookieFor, signInAs, sql, uniqueTag } from "./helpers";
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

// A long list's markup is in the page's HTML once, not a second time in
// React's data (components/ui/html-text.tsx); the browser's React takes the
// list over as drawn, and a save draws it anew from React's data alone.
test("a long list is sent once, kept when the page's script takes over, and drawn anew after a save", async ({ page }) => {
  const target = await newCase();
  const tag = uniqueTag();
  await sql(
    `insert into "Note" (id, "caseId", "authorId", kind, body, confidential, "createdAt")
     values (gen_random_uuid(), $1, (select "caseworkerId" from "Case" where id = $1), 'CONTACT', $2, false, now() - interval '1 hour')`,
    [target.id, `Earlier visit ${tag}`],
  );
  await signInAs(page, "caseworker");
  const response = await page.goto(`/cases/${target.code}`);
  const sent = await response!.text();
  expect(sent.split(`Earlier visit ${tag}`).length - 1).toBe(1);

  const timeline = page.getByTestId("timeline");
  // Taken over: React has attached itself to the list's element, and the list is still there.
  await page.waitForFunction(() => Object.keys(document.querySelector('[data-testid="timeline"]') ?? {}).some((key) => key.startsWith("__reactFiber")));
  await expect(timeline).toContainText(`Earlier visit ${tag}`);

  await page.getByLabel("Note", { exact: true }).fill(`Later call ${tag}`);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Note saved.")).toBeVisible();
  await expect(timeline).toContainText(`Later call ${tag}`);
  await expect(timeline).toContainText(`Earlier visit ${tag}`);
});

// Many pages drawn at once for two users of different teams: each page's
// lists are its own (the hand-over is keyed per piece, never per process).
test("pages drawn side by side each show their own user's lists", async ({ playwright }) => {
  const north = await newCase({ team: "Chiang Rai" });
  const south = await newCase();
  const [southRequests, northRequests] = await Promise.all(
    (["caseworker", "caseworkerNorth"] as const).map(async (who) =>
      playwright.request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie: (await sessionCookieFor(who)).cookie, accept: "text/html" } }),
    ),
  );
  const pages = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? southRequests : northRequests).get(`/cases/${i % 2 === 0 ? south.code : north.code}`).then(async (r) => ({ i, status: r.status(), text: await r.text() })),
    ),
  );
  for (const { i, status, text } of pages) {
    expect(status).toBe(200);
    const [own, other] = i % 2 === 0 ? [south, north] : [north, south];
    expect(text).toContain(own.name);
    expect(text).not.toContain(other.name);
  }
  await Promise.all([southRequests.dispose(), northRequests.dispose()]);
});
