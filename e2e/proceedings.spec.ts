import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql } from "./helpers";
import { newCase } from "./data";
import { isoDaysAgo, moveTo, openProceeding } from "./proceeding-steps";


test("a North Korean defector's path to South Korea, with the fine paid and detention past 30 days flagged", async ({ page, browser }) => {
  const code = (await newCase({ team: "Chiang Rai", nationality: "KP" })).code;
  await signInAs(page, "caseworkerNorth");
  await page.goto(`/cases/${code}/proceedings`);
  await expectAccessible(page);
  await openProceeding(page, "Transfer to South Korea", { reason: "Crossed the Mekong at Chiang Saen", occurredOn: isoDaysAgo(40) });
  await moveTo(page, "Transfer to South Korea", "Surrendered / arrested", "Surrendered at Chiang Saen police station", isoDaysAgo(39));
  await moveTo(page, "Transfer to South Korea", "Charged and sentenced", "Illegal entry: fined and sentenced to one month", isoDaysAgo(36));

  await page.getByRole("link", { name: "Detention and costs" }).click();
  await expect(page).toHaveURL(/\/custody$/);
  await expectAccessible(page);
  await page.getByText("Record a fine").click();
  const fineForm = page.getByRole("form", { name: "Record a fine" });
  await fineForm.getByLabel("Amount").fill("2,000");
  await fineForm.getByLabel("Imposed on").fill(isoDaysAgo(36));
  await fineForm.getByLabel("Legal basis").fill("Immigration Act: illegal entry");
  await fineForm.getByRole("button", { name: "Save fine" }).click();
  await expect(page.getByTestId("fine")).toContainText("2,000 THB (≈ 59.70 USD)");
  await expect(page.getByTestId("fine-balance")).toHaveText("Outstanding: 2,000 THB");

  await page.getByTestId("fine").getByText("Record a payment").click();
  const paymentForm = page.getByRole("form", { name: "Record a payment" });
  await paymentForm.getByLabel("Amount paid").fill("2500");
  await paymentForm.getByLabel("Paid by").selectOption("EMBASSY");
  await paymentForm.getByLabel("Paid on").fill(isoDaysAgo(30));
  await paymentForm.getByRole("button", { name: "Save payment" }).click();
  await expect(paymentForm.getByText("This payment is more than the outstanding balance.")).toBeVisible();
  await paymentForm.getByLabel("Amount paid").fill("2000");
  await paymentForm.getByRole("button", { name: "Save payment" }).click();
  await expect(page.getByTestId("fine-balance")).toHaveText("Paid in full");

  const detentionForm = page.getByRole("form", { name: "Record a detention episode" });
  await detentionForm.getByLabel("Facility").selectOption({ label: "Bangkok Immigration Detention Center (Suan Phlu)" });
  await detentionForm.getByLabel("Detained on").fill(isoDaysAgo(35));
  await detentionForm.getByLabel("Sentence / expected release").fill(isoDaysAgo(6));
  await detentionForm.getByRole("button", { name: "Save detention episode" }).click();
  const episode = page.getByTestId("detention-episode");
  await expect(episode.getByTestId("detention-days")).toContainText("36 days in detention");
  await expect(episode.getByTestId("detention-days")).toContainText("Over 30 days");
  await expect(episode.getByTestId("detention-days")).toContainText("Past the sentence");
  // Always visible: the case header of every section shows it too.
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("critical-facts")).toContainText("In detention");
  await expect(page.getByTestId("critical-facts")).toContainText("Over 30 days");

  // An overlapping episode for the same person is refused.
  await page.getByRole("link", { name: "Detention and costs" }).click();
  await page.getByText("Record a detention episode").click();
  await detentionForm.getByLabel("Facility").selectOption({ label: "Bangkok Remand Prison" });
  await detentionForm.getByLabel("Detained on").fill(isoDaysAgo(20));
  await detentionForm.getByRole("button", { name: "Save detention episode" }).click();
  await expect(detentionForm.getByText("This person already has a detention episode covering some of these days.")).toBeVisible();
  await expect(page.getByTestId("detention-episode")).toHaveCount(1);

  await page.getByRole("link", { name: "Proceedings" }).click();
  await moveTo(page, "Transfer to South Korea", "In immigration detention", "Transferred to the Bangkok IDC");
  await moveTo(page, "Transfer to South Korea", "Embassy processing", "Embassy verified identity and interviewed");
  await moveTo(page, "Transfer to South Korea", "Travel documents issued", "Travel certificate issued by the embassy");
  // The form says what the move will also change before it is recorded.
  await page.getByRole("article", { name: "Transfer to South Korea" }).getByLabel("Move to").selectOption({ label: "Departed" });
  await expect(page.getByTestId("move-consequence")).toContainText("Moving to Departed also ends the open detention on the date it happened, and proposes closing the case to a supervisor.");
  await moveTo(page, "Transfer to South Korea", "Departed", "Flew to Incheon");
  const card = page.getByRole("article", { name: "Transfer to South Korea" });
  await card.getByText(/Stage history/).click();
  await expect(card.getByRole("listitem")).toHaveCount(7);
  // Each entry: when it happened, by whom, and when it was recorded, all in the one date format.
  await expect(card.getByRole("listitem").first()).toContainText(/\w{3} \d{1,2}, \d{4} · .+ · recorded \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}/);
  await expect(card.getByLabel("Move to").locator("option")).toHaveText(["Choose the next stage", "Arrived / handed over"]);

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Transfer to South Korea: Travel documents issued → Departed");
  await expect(page.getByTestId("timeline")).toContainText("Fine payment recorded");
  // He has left Thailand: the detention ended the day he departed, and no red flags remain.
  await expect(page.getByTestId("critical-facts").getByText("In detention")).toHaveCount(0);
  await page.getByRole("link", { name: "Detention and costs" }).click();
  await expect(page.getByTestId("detention-episode")).toContainText("Departed to South Korea");
  const supervisor = await (await browser.newContext()).newPage();
  await signInAs(supervisor, "supervisorNorth");
  await supervisor.goto("/dashboard");
  await expect(supervisor.getByTestId("figure-detained")).not.toContainText(code);
  // Closing the case is proposed in the same move, for the supervisor to decide.
  await expect(supervisor.getByTestId("pending-closures")).toContainText(code);
  expect(await sql(`select r.status, r.reason from "ClosureRequest" r join "Case" c on c.id = r."caseId" where c.code = $1`, [code])).toEqual([
    { status: "PENDING", reason: `Departed to South Korea on ${isoDaysAgo(0)}: proposed by the move, for a supervisor to decide.` },
  ]);
  await supervisor.close();
});

test("a Vietnamese asylum seeker: RSD rejection, conviction and an extradition order each start their appeal deadline", async ({ page }) => {
  const code = (await newCase({ team: "Bangkok", nationality: "VN", counsel: "legal" })).code;
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}/proceedings`);
  await openProceeding(page, "UNHCR refugee status determination", { reason: "Registered with UNHCR Bangkok", reference: "CERT-2026-1", certificateExpiresOn: "2030-06-30", occurredOn: isoDaysAgo(200) });
  await moveTo(page, "UNHCR refugee status determination", "Interview scheduled", "Interview date set");
  await moveTo(page, "UNHCR refugee status determination", "Interviewed", "RSD interview held");
  await moveTo(page, "UNHCR refugee status determination", "Rejected", "Notice of rejection received", "2026-11-02");

  await openProceeding(page, "Criminal case", { reason: "Charged with illegal stay", stage: "Charged", occurredOn: isoDaysAgo(60) });
  await moveTo(page, "Criminal case", "Verdict", "Convicted; fined", "2026-10-31");

  await openProceeding(page, "Deportation / extradition", { reason: "Extradition request from the country of origin", occurredOn: isoDaysAgo(30) });
  await expect(page.getByText("Refoulement risk")).toBeVisible();
  await moveTo(page, "Deportation / extradition", "Court hearings", "First hearing at the Criminal Court");
  await moveTo(page, "Deportation / extradition", "Court order: approved", "Court approved extradition", "2026-11-10");

  await page.getByRole("link", { name: "Tasks" }).click();
  await expectAccessible(page);
  const tasks = page.getByTestId("task");
  await expect(tasks.filter({ hasText: "File the RSD appeal" })).toContainText("Due Dec 2, 2026");
  await expect(tasks.filter({ hasText: "File the criminal appeal" })).toContainText("Due Nov 30, 2026");
  // 30 days from 10 November end on Thursday 10 December, Constitution Day: the next working day is Friday 11.
  const extraditionAppeal = tasks.filter({ hasText: "File the appeal against the court order" });
  await expect(extraditionAppeal).toContainText("Due Dec 11, 2026");
  await extraditionAppeal.getByText("How this date was counted").click();
  await expect(extraditionAppeal.getByTestId("deadline-working")).toContainText("30 days from “Court order: approved” on Tue, Nov 10, 2026; that day is not counted.");
  await expect(extraditionAppeal.getByTestId("deadline-working")).toContainText("Moved from Thu, Dec 10, 2026 to Fri, Dec 11, 2026, the next working day: Thu, Dec 10, 2026: Constitution Day");
  await expect(tasks.filter({ hasText: "Renew the UNHCR certificate" })).toContainText("Due May 31, 2030");
  await expect(tasks.filter({ hasText: "File the RSD appeal" })).toContainText(ACCOUNTS.legal.name);

  // The legal deadlines land in counsel's own list.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "legal");
  await page.getByRole("link", { name: "My work" }).click();
  await expectAccessible(page);
  const mine = page.getByTestId("task").filter({ hasText: code });
  await expect(mine).toHaveCount(3);
  const appeal = mine.filter({ hasText: "File the criminal appeal" });
  await appeal.getByRole("button", { name: /^Mark done/ }).click();
  await expect(page.getByTestId("task").filter({ hasText: code })).toHaveCount(2);
});

test("opening the National Screening Mechanism for a North Korean defector warns and needs confirmation", async ({ page }) => {
  const code = (await newCase({ team: "Bangkok", nationality: "KP" })).code;
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${code}/proceedings`);
  const form = page.getByRole("region", { name: "Open a proceeding" });
  await form.getByLabel("Type").selectOption({ label: "National Screening Mechanism" });
  await expect(form.getByText(/North Korean defectors are excluded/)).toBeVisible();
  await form.getByLabel("Reason or note").fill("Requested by the family");
  await form.getByRole("button", { name: "Open proceeding" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Tick the box" })).toBeVisible();
  expect(await sql(`select 1 from "Proceeding" p join "Case" c on c.id = p."caseId" where c.code = $1`, [code])).toHaveLength(0);
  await form.getByLabel(/I understand/).check();
  await form.getByRole("button", { name: "Open proceeding" }).click();
  await expect(page.getByRole("article", { name: "National Screening Mechanism" })).toBeVisible();
});

test("a backdated arrival and surrender: the journey shows 16 days between them and the timeline orders by when things happened", async ({ page }) => {
  const code = (await newCase({ team: "Chiang Rai", nationality: "KP", entryDate: isoDaysAgo(30) })).code;
  await signInAs(page, "caseworkerNorth");
  await page.goto(`/cases/${code}`);
  const glance = page.getByRole("region", { name: "Journey at a glance" });
  await expect(glance.getByTestId("journey-glance")).toContainText("Arrived in Thailand");

  await page.goto(`/cases/${code}/proceedings`);
  await openProceeding(page, "Transfer to South Korea", { reason: "Crossed the Mekong at Chiang Saen", occurredOn: isoDaysAgo(30) });
  // Recorded today, happened 14 days ago: 16 days after the arrival.
  await moveTo(page, "Transfer to South Korea", "Surrendered / arrested", "Surrendered at Chiang Saen police station", isoDaysAgo(14));
  // The proceeding was opened on the day its first stage happened, not the day it was typed in.
  const card = page.getByRole("article", { name: "Transfer to South Korea" });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  await expect(card).toContainText(`Opened ${day(isoDaysAgo(30))}`);

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(glance.getByTestId("journey-interval")).toHaveText(["16 days from arrival to surrender"]);
  await expectAccessible(page);
  // The surrender sits 14 days back on the timeline, with the day it was recorded beside it; the arrival below it.
  const entries = page.getByTestId("timeline").getByRole("listitem");
  const surrender = entries.filter({ hasText: "Transfer to South Korea: Arrived in Thailand → Surrendered / arrested" });
  await expect(surrender).toContainText(new RegExp(`^${day(isoDaysAgo(14))} · .+ · recorded `));
  const texts = await entries.allTextContents();
  const at = (needle: string) => texts.findIndex((text) => text.includes(needle));
  expect(at("Entered Thailand")).toBeGreaterThan(at("Surrendered / arrested"));
  expect(at("Entered Thailand")).toBe(texts.length - 1);
});
