import { expect, test, type Browser, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { expectAccessible, signIn, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

const PASSWORD = "harbour lantern copper river";

/** An administrator creates a caseworker through the Users page; returns the e-mail. */
async function createAccount(page: Page, label: string) {
  const email = `${label}-${uniqueTag()}@demo.waypoint.test`.toLowerCase();
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill(`E2E ${label} ${uniqueTag()}`);
  await form.getByLabel("Team", { exact: true }).selectOption({ label: "Bangkok" });
  await form.getByLabel("First password").fill(PASSWORD);
  await form.getByRole("button", { name: "Create an account" }).click();
  await expect(form.getByText("Account created.")).toBeVisible();
  return email;
}

async function signInAs(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("an administrator creates an account (a weak password is refused beside the field) and deactivating it signs the person out at once", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("E-mail").fill(`weak-${uniqueTag()}@demo.waypoint.test`);
  await form.getByLabel("Name").fill("Weak Password");
  await form.getByLabel("First password").fill("qwerty123456");
  await form.getByRole("button", { name: "Create an account" }).click();
  await expect(form.getByText("This is one of the most common passwords; choose another.")).toBeVisible();
  await form.getByLabel("First password").fill("short one");
  await form.getByRole("button", { name: "Create an account" }).click();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByText("Choose a team.")).toBeVisible();

  const email = await createAccount(page, "leaver");
  const theirs = await newPage(browser);
  await signInAs(theirs, email);
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();

  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await expect(page.getByText("signed in on 1 device")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();

  await theirs.goto("/cases");
  await expect(theirs).toHaveURL(/\/login\?ended=deactivated/);
  await expect(theirs.getByTestId("session-ended")).toContainText("This account has been deactivated.");
  await signInAs(theirs, email);
  await expect(theirs.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  const audit = await sql<{ action: string }>(`select a.action from "AuditLog" a join "User" u on u.id = a."entityId"::uuid where u.email = $1 and a.action like 'user.%' order by a.id`, [email]);
  expect(audit.map((a) => a.action)).toEqual(["user.create", "user.deactivate"]);
});

test("five wrong passwords lock the address for a while, even against the right password", async ({ page }) => {
  await signIn(page, "admin");
  const email = await createAccount(page, "locked");
  const other = await page.context().browser()!.newContext();
  const theirs = await other.newPage();
  for (let i = 0; i < 5; i++) {
    await signInAs(theirs, email, `not the password ${i}`);
    await expect(theirs.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  }
  await signInAs(theirs, email);
  await expect(theirs.getByRole("alert").filter({ hasText: "Too many" })).toHaveText("Too many failed attempts. Wait a few minutes, then try again.");
  await expect(theirs).toHaveURL(/\/login/);
});

test("a session left idle ends: on the server after the timeout, and the open page clears itself", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = await createAccount(page, "idle");
  const theirs = await newPage(browser);
  await signInAs(theirs, email);
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();
  // The server's view: no request for longer than the timeout.
  await sql(`update "Session" s set "lastSeenAt" = now() - interval '31 minutes' from "User" u where u.id = s."userId" and u.email = $1 and s."endedAt" is null`, [email]);
  await theirs.goto("/cases");
  await expect(theirs).toHaveURL(/\/login\?ended=idle/);
  await expect(theirs.getByTestId("session-ended")).toContainText("signed out after a period without activity");

  // The page's view: nobody touches it for 30 minutes, and it signs out and clears the screen.
  const idle = await newPage(browser);
  await idle.clock.install();
  await signInAs(idle, email);
  await expect(idle.getByTestId("signed-in-as")).toBeVisible();
  await idle.clock.fastForward("30:30");
  await expect(idle).toHaveURL(/\/login\?ended=idle/);
  const [session] = await sql<{ endReason: string }>(`select s."endReason" from "Session" s join "User" u on u.id = s."userId" where u.email = $1 order by s."createdAt" desc limit 1`, [email]);
  expect(session.endReason).toBe("idle");
});

test("a user turns on an authenticator app; sign-in then needs a code or a recovery code, each once", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = await createAccount(page, "totp");
  const theirs = await newPage(browser);
  await signInAs(theirs, email);
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();
  await theirs.goto("/account");
  await theirs.getByRole("link", { name: "Password and sign-in" }).click();
  await theirs.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await theirs.getByTestId("totp-secret").textContent())!.trim();
  await expectAccessible(theirs);
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  const confirm = theirs.getByRole("form", { name: "Turn on" });
  await confirm.getByLabel("Code from the app").fill(totp.generate() === "123456" ? "654321" : "123456");
  await confirm.getByRole("button", { name: "Turn on" }).click();
  await expect(confirm.getByText("That code is not right.", { exact: false })).toBeVisible();
  await confirm.getByLabel("Code from the app").fill(totp.generate());
  await confirm.getByRole("button", { name: "Turn on" }).click();
  await expect(theirs.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await theirs.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);

  const fresh = await newPage(browser);
  await signInAs(fresh, email);
  await expect(fresh.getByLabel("Code from your authenticator app")).toBeVisible();
  await fresh.getByLabel("Code from your authenticator app").fill("not-a-code");
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  await fresh.getByLabel("Code from your authenticator app").fill(codes[0]);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByTestId("signed-in-as")).toBeVisible();

  const again = await newPage(browser);
  await signInAs(again, email);
  await again.getByLabel("Code from your authenticator app").fill(codes[0]);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  const [{ n }] = await sql<{ n: string }>(`select count(*)::text as n from "RecoveryCode" r join "User" u on u.id = r."userId" where u.email = $1 and r."usedAt" is null`, [email]);
  expect(n).toBe("9");
});

test("changing your password refuses a weak one and signs out your other sessions", async ({ page, browser }) => {
  await signIn(page, "admin");
  const email = await createAccount(page, "rotate");
  const laptop = await newPage(browser);
  await signInAs(laptop, email);
  await expect(laptop.getByTestId("signed-in-as")).toBeVisible();
  const phone = await newPage(browser);
  await signInAs(phone, email);
  await expect(phone.getByTestId("signed-in-as")).toBeVisible();
  await laptop.goto("/account/security");
  const form = laptop.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("password12345");
  await form.getByLabel("New password again").fill("password12345");
  await form.getByRole("button", { name: "Change your password" }).click();
  await expect(form.getByText("This is one of the most common passwords; choose another.")).toBeVisible();
  await form.getByLabel("New password", { exact: true }).fill("a different long passphrase");
  await form.getByLabel("New password again").fill("a different long passphrase");
  await form.getByRole("button", { name: "Change your password" }).click();
  await expect(form.getByText("Password changed.", { exact: false })).toBeVisible();
  await phone.goto("/cases");
  await expect(phone).toHaveURL(/\/login/);
  await laptop.goto("/cases");
  await expect(laptop.getByTestId("signed-in-as")).toBeVisible();
});

// Security finding 6: the client address was taken from X-Forwarded-For as sent, so audit addresses and the per-address block could be forged.
test("a forged X-Forwarded-For changes neither the audited address nor whose sign-in failures are counted", async ({ browser }) => {
  const forged = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": forged, "x-waypoint-client-address": forged } });
  const page = await context.newPage();
  const email = `nobody-${uniqueTag()}@demo.waypoint.test`;
  await signInAs(page, email, "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();
  expect(await sql(`select 1 from "SignInThrottle" where key = $1`, [`ip:${forged}`])).toHaveLength(0);
  // Failures are counted, and audited, under the address the request really came from.
  expect(await sql(`select 1 from "AuditLog" where ip = $1`, [forged])).toHaveLength(0);
  expect(await sql(`select 1 from "SignInThrottle" where key in ('ip:127.0.0.1', 'ip:::1')`)).not.toHaveLength(0);
  await context.close();
});

// Security finding 10: sessions and credentials that outlived their end.
test("next-auth's own sign-out ends the server session, the session endpoint says nothing about anyone, and a password reset or deactivation revokes the calendar link", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, "admin");
  const email = await createAccount(page, "feed");
  const theirs = await newPage(browser);
  await signInAs(theirs, email);
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();
  const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [email]);

  // The session endpoint: no name, e-mail or session id, and nothing at all once signed out.
  const session = await theirs.request.get("/api/auth/session");
  expect(await session.json()).toEqual({ signedIn: true });

  // A task typed by a person ("call … at the safe house") reaches the feed as a case code and "Task" only.
  const { id: caseId, code } = await newCase({ team: "Bangkok" });
  await sql(`update "Case" set "caseworkerId" = $2 where id = $1`, [caseId, user.id]);
  await sql(`insert into "Task" (id, "caseId", title, "dueOn", origin, "assigneeId", "updatedAt") values (gen_random_uuid(), $1, 'Call Mr Kim at the Sukhumvit safe house', current_date + 3, 'PERSON', $2, now())`, [caseId, user.id]);
  const makeFeed = async () => {
    await theirs.goto("/account");
    await theirs.getByRole("button", { name: /Make my calendar address|Make a new address/ }).click();
    return theirs.getByLabel("Your calendar address").inputValue();
  };
  let feed = await makeFeed();
  const text = await (await theirs.request.get(feed)).text();
  expect(text).toContain(`SUMMARY:${code}: Task (details in Waypoint)`);
  expect(text).not.toContain("safe house");

  const admin = async (form: string, fill?: string) => {
    await page.goto(`/admin/users/${user.id}`);
    const target = page.getByRole("form", { name: form });
    if (fill) await target.getByLabel("New password").fill(fill);
    await target.getByRole("button").first().click();
  };
  // A password reset by an administrator: the old link stops working.
  await admin("Set a new password", "another long harbour passphrase");
  await expect(page.getByText("Password set; this person has been signed out everywhere.")).toBeVisible();
  await expect.poll(async () => (await theirs.request.get(feed)).status()).toBe(404);

  // A deactivation does the same, and reactivating does not bring the old link back.
  // (An authenticator reset ends sessions the same way: lib/auth/sessions.integration.test.ts.)
  await signInAs(theirs, email, "another long harbour passphrase");
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();
  feed = await makeFeed();
  expect((await theirs.request.get(feed)).status()).toBe(200);
  await admin("Deactivate account");
  await expect(page.getByRole("button", { name: "Reactivate account" })).toBeVisible();
  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByRole("button", { name: "Deactivate account" })).toBeVisible();
  expect((await theirs.request.get(feed)).status()).toBe(404);

  // Next-auth's own sign-out endpoint ends the session on the server, not only the cookie.
  await signInAs(theirs, email, "another long harbour passphrase");
  await expect(theirs.getByTestId("signed-in-as")).toBeVisible();
  const { csrfToken } = (await (await theirs.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await theirs.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  await expect
    .poll(async () => (await sql<{ open: number }>(`select count(*)::int as open from "Session" where "userId" = $1 and "endedAt" is null`, [user.id]))[0].open)
    .toBe(0);
  expect(await (await theirs.request.get("/api/auth/session")).json()).toBeNull();
});
