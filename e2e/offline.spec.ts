import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

// Works where the caseworker is: installable; a service worker that keeps
// build files and the offline page, never a page with someone's data; notes
// written with no signal, or whose save is cut mid-request, kept encrypted on
// the device and sent once when the connection returns; nothing readable
// left after signing out.

const KEPT = "No connection: the note is kept on this device and will be sent when the connection returns.";

type StoredDraft = { fields: string[]; sealed: string };

/** The drafts store as the browser holds it (without creating it when absent). */
function storedDrafts(page: Page): Promise<StoredDraft[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === "waypoint-drafts")) return [];
    return new Promise<StoredDraft[]>((resolve, reject) => {
      const open = indexedDB.open("waypoint-drafts");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const read = open.result.transaction("notes").objectStore("notes").getAll();
        read.onsuccess = () => {
          open.result.close();
          const rows = read.result as Record<string, unknown>[];
          // The sealed bytes read as text: whatever of the note would show through.
          resolve(rows.map((row) => ({ fields: Object.keys(row).sort(), sealed: new TextDecoder().decode(row.sealed as ArrayBuffer) })));
        };
      };
    });
  });
}

const notesSaying = (caseId: string, body: string) => sql<{ id: string; kind: string }>(`select id, kind::text from "Note" where "caseId" = $1 and body = $2`, [caseId, body]);
const auditsOfNote = (id: string) => sql(`select 1 from "AuditLog" where action = 'note.create' and "entityId" = $1`, [id]);

async function writeNote(page: Page, kind: string, text: string) {
  await page.getByLabel("Type", { exact: true }).selectOption({ label: kind });
  await page.getByLabel("Note", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Save note" }).click();
}

test("installable; the service worker keeps build files and the offline page, never a page, and shows that page offline", async ({ page, request }) => {
  const { code, name } = await newCase();
  await page.goto("/login");
  const manifest = await (await request.get((await page.locator('link[rel="manifest"]').getAttribute("href"))!)).json();
  expect(manifest).toMatchObject({ name: "Waypoint", display: "standalone", start_url: "/cases" });
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string }[]) {
    const answer = await request.get(icon.src);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/png");
  }

  await signInAs(page, "caseworker");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Pages and their RSC payloads tell every cache not to keep them.
  const pageAnswers: { url: string; cacheControl: string }[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith("/cases") || path.startsWith("/api/")) pageAnswers.push({ url: response.url(), cacheControl: response.headers()["cache-control"] ?? "" });
  });
  // Browse the case with the worker in control: loaded pages, and moves between tabs in the page.
  for (const tab of ["", "/proceedings", "/documents"]) {
    await page.goto(`/cases/${code}${tab}`);
    await page.waitForLoadState("networkidle");
  }
  await page.getByRole("link", { name: "Tasks", exact: true }).first().click();
  await page.waitForURL(`**/cases/${code}/tasks`);
  await page.waitForLoadState("networkidle");
  await page.goto(`/cases?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name: code })).toBeVisible();

  const cached = await page.evaluate(async () => {
    const entries: { cache: string; path: string; body: string }[] = [];
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const kept of await cache.keys()) {
        const response = await cache.match(kept);
        entries.push({ cache: cacheName, path: new URL(kept.url).pathname, body: (await response?.text()) ?? "" });
      }
    }
    return entries;
  });
  expect(cached.filter((entry) => entry.path.startsWith("/_next/static/")).length).toBeGreaterThan(0);
  expect(cached.map((entry) => entry.path)).toContain("/offline.html");
  for (const entry of cached) {
    expect(entry.path.startsWith("/_next/static/") || entry.path.startsWith("/icons/") || entry.path === "/offline.html", `${entry.path} in ${entry.cache}`).toBe(true);
    expect(entry.body).not.toContain(name);
    expect(entry.body).not.toContain(code);
  }
  expect(pageAnswers.length).toBeGreaterThan(4);
  for (const answer of pageAnswers) expect(answer.cacheControl, answer.url).toContain("no-store");

  // No connection: a page cannot be opened, and says so in every language.
  await page.context().setOffline(true);
  await page.goto(`/cases/${code}/referrals`);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "คุณออฟไลน์อยู่" })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expectAccessible(page);
  await page.context().setOffline(false);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${code}/referrals$`));
  await expect(page.getByRole("heading", { name: "You are offline" })).toHaveCount(0);
});

test("a note written with no signal is kept encrypted, sent once when the connection returns, and audited", async ({ page }) => {
  const { id, code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}`);
  await page.waitForLoadState("networkidle");

  await page.context().setOffline(true);
  const text = `Visit at the detention centre, no signal ${uniqueTag()}`;
  await writeNote(page, "Visit", text);
  await expect(page.getByText(KEPT)).toBeVisible();
  await expect(page.getByTestId("waiting-notes")).toContainText("Waiting to send (1)");
  await expect(page.getByTestId("note-draft")).toContainText(text);
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("");
  // On the device: a sealed row with a random id and its page's key holder, nothing else in clear.
  const stored = await storedDrafts(page);
  expect(stored).toHaveLength(1);
  expect(stored[0].fields).toEqual(["holder", "id", "iv", "sealed"]);
  expect(stored[0].sealed).not.toContain("detention centre");
  expect(stored[0].sealed).not.toContain(code);
  expect(await notesSaying(id, text)).toEqual([]);
  await expectAccessible(page);

  await page.context().setOffline(false);
  await expect(page.getByTestId("waiting-notes")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText(text)).toBeVisible();
  const notes = await notesSaying(id, text);
  expect(notes).toEqual([{ id: notes[0].id, kind: "VISIT" }]);
  expect(await auditsOfNote(notes[0].id)).toHaveLength(1);
  expect(await storedDrafts(page)).toEqual([]);
});

test("a save cut off mid-request is kept, and sent again it makes one note", async ({ page }) => {
  const { id, code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}`);
  await page.waitForLoadState("networkidle");
  // The server gets the first save and makes the note, but its answer never arrives.
  let cut = 0;
  await page.route("**/*", async (route) => {
    const sent = route.request();
    if (cut === 0 && sent.method() === "POST" && sent.headers()["next-action"]) {
      cut++;
      await route.fetch();
      await route.abort("connectionreset");
      return;
    }
    await route.fallback();
  });
  const text = `Call from the police station ${uniqueTag()}`;
  await writeNote(page, "Call", text);
  await expect(page.getByText(KEPT)).toBeVisible();
  expect(cut).toBe(1);
  expect(await notesSaying(id, text)).toHaveLength(1);

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByTestId("waiting-notes")).toHaveCount(0);
  await expect(page.getByText(text)).toBeVisible();
  const notes = await notesSaying(id, text);
  expect(notes).toHaveLength(1);
  expect(await auditsOfNote(notes[0].id)).toHaveLength(1);
});

test("a kept note the server refuses says why and can be put back or discarded; signing out leaves nothing on the device", async ({ page }) => {
  const { id, code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}`);
  await page.waitForLoadState("networkidle");
  await page.context().setOffline(true);
  const first = `Medical referral discussed ${uniqueTag()}`;
  const second = `Embassy called back ${uniqueTag()}`;
  await writeNote(page, "Medical", first);
  await expect(page.getByTestId("note-draft")).toHaveCount(1);
  await writeNote(page, "Embassy contact", second);
  await expect(page.getByTestId("waiting-notes")).toContainText("Waiting to send (2)");

  // Meanwhile the case moves to the northern team: this caseworker can no longer open it.
  await sql(
    `update "Case" set "teamId" = (select id from "Team" where name = 'Chiang Rai'), "caseworkerId" = (select id from "User" where email = $2) where id = $1`,
    [id, ACCOUNTS.caseworkerNorth.email],
  );
  // Back online, the page sends what it kept (the browser's "online" event; "Send now" is the journey above).
  await page.context().setOffline(false);
  await expect(page.getByTestId("waiting-notes")).toHaveCount(0, { timeout: 30_000 });
  const drafts = page.getByTestId("note-draft");
  await expect(drafts).toHaveCount(2);
  await expect(drafts.first()).toContainText("not sent");
  await expect(drafts.first()).toContainText("You can no longer open this case, so the note was not saved.");
  await expectAccessible(page);

  await drafts.filter({ hasText: first }).getByRole("button", { name: "Put back in the form" }).click();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue(first);
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("MEDICAL");
  await expect(drafts).toHaveCount(1);
  expect(await storedDrafts(page)).toHaveLength(1);
  expect(await sql(`select 1 from "Note" where "caseId" = $1`, [id])).toHaveLength(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => storedDrafts(page)).toEqual([]);
});
