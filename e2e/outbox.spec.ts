import { expect, test } from "@playwright/test";
import { expectAccessible, ownAccount, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

// E-mail reminders: each user chooses how they come; an administrator sees
// the outbox (waiting, sent, failed) and sends a failed message again. The
// sending itself, through a real SMTP server, is in lib/email's tests.

test("a user chooses a daily digest for their e-mail reminders, and the choice is kept and audited", async ({ page }) => {
  const email = await ownAccount("CASEWORKER");
  await signInAs(page, { email });
  await page.goto("/account");
  const form = page.getByRole("form", { name: "E-mail reminders" });
  await expect(form.getByLabel("as each happens")).toBeChecked();
  // This test server has no SMTP_URL: the page says e-mail is not set up.
  await expect(form.getByText("E-mail is not set up on this server yet")).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("once a day, at 07:00").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  const [user] = await sql<{ id: string; emailReminders: string }>(`select id, "emailReminders"::text from "User" where email = $1`, [email]);
  expect(user.emailReminders).toBe("DAILY");
  expect(await sql(`select 1 from "AuditLog" where "actorId" = $1 and action = 'user.update' and fields @> array['emailReminders']`, [user.id])).toHaveLength(1);
  await page.reload();
  await expect(page.getByRole("form", { name: "E-mail reminders" }).getByLabel("once a day, at 07:00")).toBeChecked();
});

test("an administrator sees the outbox by state and sends a failed message again; nobody else may open it", async ({ page, browser }) => {
  const { id: caseId, code } = await newCase();
  const recipient = await ownAccount("SUPERVISOR");
  const [{ id: userId, name }] = await sql<{ id: string; name: string }>(`select id, name from "User" where email = $1`, [recipient]);
  const error = `451 4.3.0 Mail server busy ${uniqueTag()}`;
  const [failed] = await sql<{ id: string }>(
    `insert into "OutboxMessage" (id, "userId", kind, "caseId", status, attempts, "lastError") values (gen_random_uuid(), $1, 'incident', $2, 'FAILED', 8, $3) returning id::text`,
    [userId, caseId, error],
  );
  await sql(`insert into "OutboxMessage" (id, "userId", kind, "caseId", status, attempts, "sentAt") values (gen_random_uuid(), $1, 'closure-approved', $2, 'SENT', 1, now())`, [userId, caseId]);

  await signInAs(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "E-mail outbox" }).click();
  await expect(page.getByRole("heading", { name: "E-mail outbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "E-mail is off" })).toBeVisible();
  await page.getByTestId("outbox-count-FAILED").click();
  await expect(page).toHaveURL(/status=FAILED/);
  const row = page.getByTestId("outbox-message").filter({ hasText: error });
  await expect(row).toContainText(name);
  await expect(row).toContainText(code);
  await expect(row).toContainText("Protection incident");
  await expect(row).toContainText("Failed");
  await expectAccessible(page);

  await row.getByRole("button", { name: "Send again" }).click();
  // Queued again, it leaves the failed ones and waits with the others.
  await expect(row).toHaveCount(0);
  await page.getByTestId("outbox-count-QUEUED").click();
  await expect(page.getByTestId("outbox-message").filter({ hasText: name }).filter({ hasText: "Protection incident" })).toContainText("Waiting");
  const [after] = await sql<{ status: string; attempts: number; lastError: string | null }>(`select status::text, attempts, "lastError" from "OutboxMessage" where id = $1`, [failed.id]);
  expect(after).toEqual({ status: "QUEUED", attempts: 0, lastError: null });
  expect(await sql(`select 1 from "AuditLog" where action = 'outbox.retry' and "entityId" = $1`, [failed.id])).toHaveLength(1);
  // The page view names the cases its rows were about.
  expect(await sql(`select 1 from "AuditLog" where action = 'page.view' and "entityId" = 'outbox' and detail->'cases' ? $1`, [code])).not.toHaveLength(0);

  const supervisor = await (await browser.newContext()).newPage();
  await signInAs(supervisor, "supervisor");
  expect((await supervisor.goto("/admin/outbox"))?.status()).toBe(404);
});
