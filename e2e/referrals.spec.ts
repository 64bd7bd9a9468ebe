import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

test("a referral rests on the person's recorded consent; withdrawing it refuses new referrals and the partner no longer sees what was shared", async ({ page, browser }) => {
  const target = await newCase();
  const reason = `Shelter for the family after release ${uniqueTag()}`;
  const shelter = "Chiang Rai shelter programme (demo)";
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("navigation", { name: "Case file sections" }).getByRole("link", { name: "Referrals" }).click();
  await expect(page.getByRole("heading", { name: "Referrals of this case" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "New referral" });
  const fillReferral = async () => {
    await form.getByLabel("Partner organisation").selectOption({ label: `${shelter} (Shelter, Livelihood, Education, Psychosocial) · uses Waypoint` });
    await form.getByLabel("Service").selectOption("SHELTER");
    await form.getByLabel("What the referral is for").fill(reason);
  };
  // No consent recorded yet, and a caseworker has no override: the referral is refused.
  await expect(form.getByText("No consent to a referral stands for this case.", { exact: false })).toBeVisible();
  await expect(form.getByText("No consent: supervisor override")).toHaveCount(0);
  await fillReferral();
  await form.getByRole("button", { name: "Send referral" }).click();
  await expect(form.getByText("Choose the consent this referral rests on", { exact: false })).toBeVisible();
  expect(await sql(`select 1 from "Referral" where reason = $1`, [reason])).toHaveLength(0);

  // The person's consent, given aloud through an interpreter, is recorded on the Consent tab.
  await form.getByRole("link", { name: "Go to the Consent tab" }).click();
  await expect(page.getByRole("heading", { name: "Consent", exact: true })).toBeVisible();
  await expect(page.getByText("No consent is recorded for this case yet.")).toBeVisible();
  const record = page.getByRole("form", { name: "Record consent" });
  // The purpose and the way it was given each bring their own fields.
  await record.getByLabel("For").selectOption("REFERRAL");
  await record.getByLabel("How it was given").selectOption("VERBAL_INTERPRETED");
  await record.getByLabel("Who gave it").selectOption({ label: target.name });
  await record.getByLabel("Given on").fill("2026-11-20");
  await record.getByRole("button", { name: "Record consent" }).click();
  await expect(record.getByLabel("Partner it covers")).toHaveAttribute("aria-invalid", "true");
  await expect(record.getByLabel("Interpreter")).toHaveAttribute("aria-invalid", "true");
  await record.getByLabel("Partner it covers").selectOption({ label: shelter });
  await record.getByLabel("Interpreter").fill("Ms Hoa");
  await record.getByLabel("Language").fill("Vietnamese");
  await record.getByRole("button", { name: "Record consent" }).click();
  await expect(record.getByText("Consent recorded.")).toBeVisible();
  const entry = page.getByTestId("consents").locator("li").first();
  await expect(entry).toHaveAttribute("data-state", "standing");
  await expect(entry).toContainText("Referral to a named partner");
  await expect(entry).toContainText("interpreted by Ms Hoa (Vietnamese)");
  await expectAccessible(page);

  await page.goto(`/cases/${target.code}/referrals`);
  await fillReferral();
  await form.getByLabel("Consent it rests on").selectOption({ index: 1 });
  await form.getByRole("button", { name: "Send referral" }).click();
  await expect(form.getByText("Referral sent and recorded.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Shelter · ${shelter}` }).first()).toBeVisible();
  const [saved] = await sql<{ id: string; status: string; consentId: string | null; shared: { household: object[] | null; journey: unknown } }>(
    `select id, status, "consentId", shared from "Referral" where reason = $1`,
    [reason],
  );
  expect(saved.status).toBe("SENT");
  expect(saved.consentId).not.toBeNull();
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
  await expect(partner.getByText("The person consented on", { exact: false })).toBeVisible();
  await expect(partner.getByText(target.name)).toHaveCount(0);
  // The partner never gets the sending team's case.
  await expect(partner.getByRole("link", { name: new RegExp(target.code) })).toHaveCount(0);
  expect((await partner.request.get(`/cases/${target.code}`)).status()).toBe(404);
  await expectAccessible(partner);
  // The PDF writes its dates as its footer says it does (YYYY-MM-DD), the consent's too.
  const pdfDownload = partner.waitForEvent("download");
  await partner.getByRole("link", { name: "Download referral PDF" }).click();
  const pdfText = execFileSync("pdftotext", [(await (await pdfDownload).path())!, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  const [{ given }] = await sql<{ given: string }>(`select to_char("givenOn", 'YYYY-MM-DD') as given from "Consent" where id = $1`, [saved.consentId]);
  expect(pdfText).toContain(`consented to this referral on ${given},`);
  expect(pdfText).toContain("Dates are YYYY-MM-DD");
  await partner.getByRole("button", { name: "Accept" }).click();
  await expect(partner.getByText("Accepted").first()).toBeVisible();
  await expect(partner.getByRole("button", { name: "Mark completed" })).toBeVisible();
  const [after] = await sql<{ status: string }>(`select status from "Referral" where id = $1`, [saved.id]);
  expect(after.status).toBe("ACCEPTED");
  expect((await sql(`select 1 from "AuditLog" where "entityId" = $1 and action = 'referral.status'`, [saved.id])).length).toBe(1);

  // The person withdraws their consent: recorded on the Consent tab, it takes effect at once.
  await page.goto(`/cases/${target.code}/consent`);
  await entry.getByText("Record withdrawal").click();
  const withdraw = entry.getByRole("form", { name: "Record withdrawal" });
  await expect(withdraw).toContainText("the partner of the 1 referral sent under it no longer sees what was shared");
  await withdraw.getByLabel("How it was withdrawn").fill("Told the caseworker at the shelter visit");
  await withdraw.getByRole("button", { name: "Withdraw consent" }).click();
  await expect(entry).toHaveAttribute("data-state", "withdrawn");
  await expect(entry).toContainText("Withdrawn on");

  // A new referral may no longer rest on it.
  await page.goto(`/cases/${target.code}/referrals`);
  await expect(form.getByText("No consent to a referral stands for this case.", { exact: false })).toBeVisible();
  await expect(page.getByText("consent withdrawn on", { exact: false }).first()).toBeVisible();

  // The partner's incoming referral is marked withdrawn, with nothing shared visible, and no PDF.
  await partner.reload();
  await expect(partner.getByTestId("shared-removed")).toContainText("Consent withdrawn on");
  await expect(partner.getByText("Pseudonymised: no names", { exact: false })).toHaveCount(0);
  await expect(partner.getByRole("link", { name: "Download referral PDF" })).toHaveCount(0);
  expect((await partner.request.get(`/api/referrals/${saved.id}/pdf`)).status()).toBe(410);
  await partner.goto("/referrals");
  await expect(partner.locator("tr", { has: partner.locator(`a[href="/referrals/${saved.id}"]`) }).getByTestId("incoming-withdrawn")).toHaveText("Consent withdrawn");
  await expectAccessible(partner);
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
