import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql } from "./helpers";
import { newCase } from "./data";

function bangkokToday() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

test("a verdict hearing moves the criminal case; the appeal deadline reaches the deadlines view and the calendar feed", async ({ page, browser }) => {
  const code = (await newCase({ team: "Bangkok", nationality: "VN", counsel: "legal" })).code;
  await signInAs(page, "legal");
  await page.goto(`/cases/${code}/proceedings`);
  const open = page.getByRole("region", { name: "Open a proceeding" });
  await open.getByLabel("Type").selectOption({ label: "Criminal case" });
  await open.getByLabel("Starting stage").selectOption({ label: "Charged" });
  await open.getByLabel("Reason or note").fill("Charged with illegal stay");
  await open.getByRole("button", { name: "Open proceeding" }).click();
  const card = page.getByRole("article", { name: "Criminal case" });
  await expect(card).toBeVisible();

  await card.getByText("Record a hearing").click();
  const hearing = card.getByRole("form", { name: "Record a hearing" });
  await hearing.getByLabel("Court or authority").selectOption({ label: "Criminal Court (Bangkok)" });
  await hearing.getByLabel("Purpose").selectOption("VERDICT");
  await hearing.getByLabel("Date").fill(bangkokToday());
  await hearing.getByLabel("Time (Bangkok)").fill("09:30");
  await hearing.getByLabel("Counsel").selectOption({ label: "Arun Demo" });
  await hearing.getByLabel("Interpreter", { exact: true }).fill("Interpreter on call");
  await hearing.getByLabel("Interpreter's language").fill("Vietnamese");
  await hearing.getByRole("button", { name: "Save hearing" }).click();
  await expect(card.getByTestId("hearing")).toContainText("Verdict · Criminal Court (Bangkok)");
  await expect(card.getByTestId("hearing")).toContainText("9:30");

  await card.getByTestId("hearing").getByText("Record the outcome").click();
  const outcome = card.getByRole("form", { name: "Record the outcome" });
  await outcome.getByLabel("Outcome").fill("Convicted of illegal stay; fined THB 4,000");
  await outcome.getByLabel("Also move the proceeding to").selectOption({ label: "Verdict" });
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(card.getByTestId("current-stage")).toHaveText("Verdict");
  await expect(card.getByTestId("hearing")).toContainText("Outcome: Convicted of illegal stay");

  await page.getByRole("link", { name: "Deadlines" }).click();
  await expectAccessible(page);
  const deadline = page.getByTestId("deadline").filter({ hasText: code });
  await expect(deadline).toContainText("File the criminal appeal");
  await expect(deadline).toContainText("criminal.appeal");
  // How its date was counted opens from the keyboard and reads as on the case.
  await deadline.getByText("How this date was counted").focus();
  await page.keyboard.press("Enter");
  await expect(deadline.getByTestId("deadline-working")).toBeVisible();
  await expect(deadline.getByTestId("deadline-working")).toContainText("from “");
  await expect(deadline.getByTestId("deadline-working")).toContainText("Due: ");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Hearings" }).click();
  await expectAccessible(page);
  await expect(page.getByTestId("agenda-hearing").filter({ hasText: code })).toContainText("Criminal Court (Bangkok)");
  for (const view of ["Week", "Month"]) {
    await page.getByLabel("View").selectOption({ label: view });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByTestId("agenda-hearing").filter({ hasText: code })).toBeVisible();
    await expectAccessible(page);
  }

  // The calendar feed: made on the account page, shown once, names no one.
  await page.goto("/account");
  await page.getByRole("button", { name: /Make my calendar address|Make a new address/ }).click();
  const firstUrl = await page.getByLabel("Your calendar address").inputValue();
  expect(firstUrl).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const feed = await page.request.get(firstUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const text = await feed.text();
  expect(text).toContain(`SUMMARY:${code}: Verdict`);
  expect(text).toContain(`SUMMARY:${code}: File the criminal appeal`);
  expect(text).toMatch(/DTSTART:\d{8}T023000Z/); // 09:30 in Bangkok
  const [principal] = await sql<{ latinName: string }>(`select p."latinName" from "Person" p join "Case" c on c.id = p."caseId" where c.code = $1 and p.relationship = 'PRINCIPAL'`, [code]);
  expect(text).not.toContain(principal.latinName);
  const [fetches] = await sql<{ n: string }>(`select count(*)::text as n from "AuditLog" where action = 'calendar.fetch' and "actorId" = (select id from "User" where email = 'legal@demo.waypoint.test')`);
  expect(Number(fetches.n)).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Make a new address (the old one stops working)" }).click();
  await expect(page.getByLabel("Your calendar address")).not.toHaveValue(firstUrl);
  const secondUrl = await page.getByLabel("Your calendar address").inputValue();
  expect((await page.request.get(firstUrl)).status()).toBe(404);
  expect((await page.request.get(secondUrl)).status()).toBe(200);

  // Filing the appeal settles its deadline: gone from Deadlines, My work and the feed; on the case it shows as met.
  await page.goto(`/cases/${code}/proceedings`);
  const criminal = page.getByRole("article", { name: "Criminal case" });
  await criminal.getByLabel("Move to").selectOption({ label: "Appeal" });
  await criminal.getByLabel("Reason or note").fill("Appeal lodged with the Appeal Court");
  await criminal.getByRole("button", { name: "Record move" }).click();
  await expect(criminal.getByTestId("current-stage")).toHaveText("Appeal");
  await page.goto("/deadlines");
  await expect(page.getByTestId("deadline").filter({ hasText: code })).toHaveCount(0);
  await page.goto("/tasks");
  await expect(page.getByTestId("task").filter({ hasText: code })).toHaveCount(0);
  expect(await (await page.request.get(secondUrl)).text()).not.toContain(`${code}: File the criminal appeal`);
  await page.goto(`/cases/${code}/tasks`);
  await expect(page.getByTestId("task").filter({ hasText: "File the criminal appeal" })).toContainText("Met by Appeal on");

  // A caseworker of another team sees neither the hearing nor the case.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, "caseworkerNorth");
  await otherPage.goto("/hearings?view=month");
  await expect(otherPage.getByTestId("agenda-hearing").filter({ hasText: code })).toHaveCount(0);
  expect((await otherPage.goto(`/cases/${code}/proceedings`))?.status()).toBe(404);
  await other.close();
});

test("a protection incident raises the case's sensitivity and notifies the team's supervisor; the case joins the risk board", async ({ page }) => {
  const { code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}`);
  await page.getByText("Record a protection incident").click();
  const form = page.getByRole("form", { name: "Record a protection incident" });
  await form.getByLabel("Date").fill(bangkokToday());
  await form.getByLabel("What happened").selectOption("HOME_VISIT_BY_FOREIGN_OFFICIALS");
  await form.getByLabel("Description").fill("Two men from the embassy asked neighbours about the family <b>at night</b>");
  await form.getByRole("button", { name: "Record incident" }).click();
  await expect(page.getByTestId("incident")).toContainText("Home visit by foreign officials");
  await expect(page.getByTestId("incident")).toContainText("<b>at night</b>");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  expect(await sql(`select sensitivity from "Case" where code = $1`, [code])).toEqual([{ sensitivity: "HIGH" }]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "supervisor");
  await page.getByRole("link", { name: /Notifications \(\d+\)/ }).click();
  await expectAccessible(page);
  await expect(page.getByTestId("notification").filter({ hasText: code })).toContainText("Protection incident recorded");
  await page.goto("/board?sort=code");
  await expectAccessible(page);
  await expect(page.getByTestId("board-row").filter({ hasText: code })).toContainText("Home visit by foreign officials");
});

test("naming counsel warns when a household member is an adverse party in the lawyer's other case", async ({ page }) => {
  const [client] = await sql<{ code: string; latinName: string }>(
    `select c.code, p."latinName" from "Case" c join "Person" p on p."caseId" = c.id and p.relationship = 'PRINCIPAL'
     join "CaseMember" m on m."caseId" = c.id and m.role = 'COUNSEL' join "User" u on u.id = m."userId" and u.email = 'legal@demo.waypoint.test'
     order by c.code limit 1`,
  );
  const code = (await newCase({ team: "Bangkok", nationality: "KP" })).code;
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${code}/proceedings`);
  const open = page.getByRole("region", { name: "Open a proceeding" });
  await open.getByLabel("Type").selectOption({ label: "Criminal case" });
  await open.getByLabel("Reason or note").fill("Complaint filed against the household");
  await open.getByRole("button", { name: "Open proceeding" }).click();
  const card = page.getByRole("article", { name: "Criminal case" });
  await card.getByText("Add a party").click();
  const party = card.getByRole("form", { name: "Add a party" });
  await party.getByLabel("Name").fill(client.latinName.toUpperCase());
  await party.getByLabel("Role").selectOption("ADVERSE_PARTY");
  await party.getByRole("button", { name: "Add party" }).click();
  await expect(card.getByText(`${client.latinName.toUpperCase()} · Adverse party`)).toBeVisible();

  await page.getByText("Name counsel").click();
  const counsel = page.getByRole("form", { name: "Name counsel" });
  await counsel.getByLabel("Legal officer").selectOption({ label: "Arun Demo" });
  await counsel.getByRole("button", { name: "Name as counsel" }).click();
  await expect(counsel.getByRole("alert")).toContainText(`Possible conflict in: ${client.code}`);
  expect(await sql(`select 1 from "CaseMember" m join "Case" c on c.id = m."caseId" where c.code = $1`, [code])).toHaveLength(0);
  await counsel.getByLabel(/I have checked/).check();
  await counsel.getByRole("button", { name: "Name as counsel" }).click();
  await expect(page.getByTestId("counsel-list")).toHaveText("Arun Demo");
});

// Security finding 1: the conflict check named a restricted case's code to a caseworker who may not open it.
test("a conflict in a case the caseworker cannot open is not named: a supervisor must clear it and is told", async ({ page, browser }) => {
  const secretName = `Hidden Adversary ${Date.now().toString(36)}`;
  // A restricted case the Bangkok caseworker is not named on, where the lawyer acts against someone of that name.
  const restricted = await newCase({ team: "Bangkok", sensitivity: "RESTRICTED", caseworker: "supervisor", counsel: "legal" });
  const [proceeding] = await sql<{ id: string }>(
    `insert into "Proceeding" (id, "caseId", type, stage, "updatedAt") values (gen_random_uuid(), $1, 'CRIMINAL', 'CHARGED', now()) returning id`,
    [restricted.id],
  );
  await sql(`insert into "ProceedingParty" (id, "proceedingId", name, "searchText", role) values (gen_random_uuid(), $1, $2, lower($2), 'ADVERSE_PARTY')`, [proceeding.id, secretName]);
  const own = await newCase({ team: "Bangkok", caseworker: "caseworker", name: secretName });

  await signInAs(page, "caseworker");
  await page.goto(`/cases/${own.code}/proceedings`);
  await page.getByText("Name counsel").click();
  const counsel = page.getByRole("form", { name: "Name counsel" });
  await counsel.getByLabel("Legal officer").selectOption({ label: "Arun Demo" });
  await counsel.getByRole("button", { name: "Name as counsel" }).click();
  await expect(counsel.getByText("This legal officer has a possible conflict in a case you cannot open. A supervisor must clear it")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(restricted.code);
  // No confirmation is offered, and sending one anyway changes nothing.
  await expect(counsel.getByLabel(/I have checked/)).toHaveCount(0);
  await counsel.evaluate((form) => form.insertAdjacentHTML("beforeend", '<input type="hidden" name="confirmConflict" value="on">'));
  await counsel.getByRole("button", { name: "Name as counsel" }).click();
  await expect(counsel.getByText(/A supervisor must clear it/)).toBeVisible();
  expect(await sql(`select 1 from "CaseMember" where "caseId" = $1`, [own.id])).toHaveLength(0);

  // The team's supervisor is told once, and may clear it.
  expect(await sql(`select count(*)::int as n from "Notification" n join "User" u on u.id = n."userId" where n."caseId" = $1 and n.kind = 'counsel-conflict' and u.email = 'supervisor@demo.waypoint.test'`, [own.id])).toEqual([{ n: 1 }]);
  const supervisor = await (await browser.newContext()).newPage();
  await signInAs(supervisor, "supervisor");
  await supervisor.goto(`/cases/${own.code}/proceedings`);
  await supervisor.getByText("Name counsel").click();
  const clear = supervisor.getByRole("form", { name: "Name counsel" });
  await clear.getByLabel("Legal officer").selectOption({ label: "Arun Demo" });
  await clear.getByRole("button", { name: "Name as counsel" }).click();
  // The supervisor may open the restricted case of their team, so it is named to them.
  await expect(clear.getByRole("alert")).toContainText(`Possible conflict in: ${restricted.code}`);
  await clear.getByLabel(/I have checked/).check();
  await clear.getByRole("button", { name: "Name as counsel" }).click();
  await expect(supervisor.getByTestId("counsel-list")).toHaveText("Arun Demo");
});

// Security finding 9: a hearing's counsel could be a lawyer of another team, who then saw the hearing of a case they cannot open.
test("a hearing's counsel must be counsel on the case: a lawyer of another team is refused, even when sent by hand", async ({ page }) => {
  const { id, code } = await newCase({ team: "Bangkok", nationality: "VN", counsel: "legal" });
  await sql(`insert into "Proceeding" (id, "caseId", type, stage, "updatedAt") values (gen_random_uuid(), $1, 'CRIMINAL', 'CHARGED', now())`, [id]);
  const outsiderEmail = await ownAccount("LEGAL_OFFICER", "Chiang Rai");
  const [outsider] = await sql<{ id: string; name: string }>(`select id, name from "User" where email = $1`, [outsiderEmail]);
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}/proceedings`);
  const card = page.getByRole("article", { name: "Criminal case" });
  await card.getByText("Record a hearing").click();
  const hearing = card.getByRole("form", { name: "Record a hearing" });
  // Only the case's own counsel is offered.
  await expect(hearing.getByLabel("Counsel").locator("option")).toHaveText(["No counsel", "Arun Demo"]);
  await hearing.getByLabel("Court or authority").selectOption({ label: "Criminal Court (Bangkok)" });
  await hearing.getByLabel("Purpose").selectOption("FIRST_HEARING");
  await hearing.getByLabel("Date").fill(bangkokToday());
  await hearing.getByLabel("Time (Bangkok)").fill("10:00");
  await hearing.getByLabel("Counsel").evaluate((select, option) => {
    select.insertAdjacentHTML("beforeend", `<option value="${option.id}">${option.name}</option>`);
    (select as HTMLSelectElement).value = option.id;
  }, outsider);
  await hearing.getByRole("button", { name: "Save hearing" }).click();
  await expect(hearing.getByText("Choose a lawyer named as counsel on this case")).toBeVisible();
  expect(await sql(`select 1 from "Hearing" h join "Proceeding" p on p.id = h."proceedingId" where p."caseId" = $1`, [id])).toHaveLength(0);
});
