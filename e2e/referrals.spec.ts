import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("a referral without consent is refused; with consent it is sent, audited, and the partner team accepts it in Waypoint", async ({ page, browser }) => {
  const target = await newCase();
  const reason = `Shelter for the family after release ${uniqueTag()}`;
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("navigation", { name: "Case file sections" }).getByRole("link", { name: "Referrals" }).click();
  await expect(page.getByRole("heading", { name: "Referrals of this case" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "New referral" });
  await form.getByLabel("Partner organisation").selectOption({ label: "Chiang Rai shelter programme (demo) (Shelter, Livelihood, Education, Psychosocial) · uses Waypoint" });
  await form.getByLabel("Service").selectOption("SHELTER");
  await form.getByLabel("What the referral is for").fill(reason);
  // A caseworker has no override: without consent the referral is refused.
  await expect(form.getByText("No consent: supervisor override")).toHaveCount(0);
  await form.getByRole("button", { name: "Send referral" }).click();
  await expect(form.getByText("Record who consented, when and for what.", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Consent given by")).toHaveAttribute("aria-invalid", "true");
  expect(await sql(`select 1 from "Referral" where reason = $1`, [reason])).toHaveLength(0);

  await form.getByLabel("Consent given by").fill("The principal applicant");
  await form.getByLabel("Date of consent").fill("2026-11-20");
  await form.getByLabel("Consent given for").fill("Shelter placement in Chiang Rai");
  await form.getByRole("button", { name: "Send referral" }).click();
  await expect(form.getByText("Referral sent and recorded.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Shelter · Chiang Rai shelter programme (demo)" }).first()).toBeVisible();
  const [saved] = await sql<{ id: string; status: string; consentBy: string; shared: { household: object[] | null; journey: unknown } }>(
    `select id, status, "consentBy", shared from "Referral" where reason = $1`,
    [reason],
  );
  expect(saved).toMatchObject({ status: "SENT", consentBy: "The principal applicant" });
  // Only the chosen section, without names (pseudonymised by default).
  expect(saved.shared.household?.length).toBeGreaterThan(0);
  expect(saved.shared.journey).toBeNull();
  expect(JSON.stringify(saved.shared)).not.toContain(target.name);
  const audit = await sql<{ action: string }>(`select action from "AuditLog" where "entityId" = $1 order by id`, [saved.id]);
  expect(audit.map((a) => a.action)).toEqual(["referral.create"]);

  // The Chiang Rai supervisor receives it, sees what was shared, and accepts.
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signInAs(partner, "supervisorNorth");
  await partner.getByRole("link", { name: "Referrals", exact: true }).click();
  await expect(partner.getByRole("heading", { name: "Incoming referrals" })).toBeVisible();
  await expectAccessible(partner);
  await partner.goto(`/referrals/${saved.id}`);
  await expect(partner.getByText(reason)).toBeVisible();
  await expect(partner.getByRole("heading", { name: "What was shared" })).toBeVisible();
  await expect(partner.getByText("Pseudonymised: no names", { exact: false })).toBeVisible();
  await expect(partner.getByText(target.name)).toHaveCount(0);
  // The partner never gets the sending team's case.
  await expect(partner.getByRole("link", { name: new RegExp(target.code) })).toHaveCount(0);
  expect((await partner.request.get(`/cases/${target.code}`)).status()).toBe(404);
  await expectAccessible(partner);
  await partner.getByRole("button", { name: "Accept" }).click();
  await expect(partner.getByText("Accepted").first()).toBeVisible();
  await expect(partner.getByRole("button", { name: "Mark completed" })).toBeVisible();
  const [after] = await sql<{ status: string }>(`select status from "Referral" where id = $1`, [saved.id]);
  expect(after.status).toBe("ACCEPTED");
  expect((await sql(`select 1 from "AuditLog" where "entityId" = $1 and action = 'referral.status'`, [saved.id])).length).toBe(1);
  await partnerContext.close();
});

test("a supervisor refers without consent only with a reason (audited), and an outside partner gets a pseudonymised PDF", async ({ page }) => {
  const target = await newCase();
  const reason = `Urgent medical assessment ${uniqueTag()}`;
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${target.code}/referrals`);
  const form = page.getByRole("form", { name: "New referral" });
  await form.getByLabel("Partner organisation").selectOption({ label: "Bangkok Refugee Health Clinic (demo) (Medical, Psychosocial)" });
  await form.getByLabel("Service").selectOption("MEDICAL");
  await form.getByLabel("What the referral is for").fill(reason);
  await form.getByLabel("Proceedings and next deadlines").check();
  await form.getByText("No consent: supervisor override").click();
  await form.getByLabel("Why the referral must go without consent").fill("Unconscious in detention; the IDC doctor asked for a specialist.");
  await form.getByRole("button", { name: "Send referral" }).click();
  await expect(form.getByText("Referral sent and recorded.")).toBeVisible();
  const [saved] = await sql<{ id: string; overrideReason: string }>(`select id, "overrideReason" from "Referral" where reason = $1`, [reason]);
  expect(saved.overrideReason).toContain("Unconscious");
  const actions = (await sql<{ action: string }>(`select action from "AuditLog" where "entityId" = $1 order by id`, [saved.id])).map((a) => a.action);
  expect(actions).toEqual(["referral.create", "referral.override"]);

  await page.getByRole("link", { name: "Medical · Bangkok Refugee Health Clinic (demo)" }).first().click();
  await expect(page.getByText("Sent without consent. Supervisor’s reason:", { exact: false })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download referral PDF" }).click();
  const pdfPath = (await (await download).path())!;
  expect(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" })).toMatch(/Pages:\s+1\n/);
  const text = execFileSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Referral for Medical to Bangkok Refugee Health Clinic (demo)");
  expect(text).toContain("Sent without the person’s consent");
  expect(text).not.toContain(target.name);
  // Security finding 14: a pseudonymised PDF names the referral, not the internal case code.
  expect(text).not.toContain(target.code);
  expect(text).toContain(`REF-${saved.id.slice(0, 8).toUpperCase()}`);
  // An outside partner answers outside Waypoint: the sending team records it.
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByText("Declined").first()).toBeVisible();
  expect((await sql(`select 1 from "AuditLog" where "entityId" = $1 and action = 'referral.pdf'`, [saved.id])).length).toBe(1);
});
