import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";
import { newCase } from "./data";

// Forms people can trust: what must be filled says so, a limit is stated
// before it is reached, text over it is kept and never sent, and a save that
// does not reach the server keeps what was typed.

const notesOf = async (caseId: string) => sql<{ body: string }>(`select body from "Note" where "caseId" = $1`, [caseId]);

test("a note's limit is stated beside it; a 10 MB paste stays in the field, says by how much it is over, and is not sent", async ({ page }) => {
  // Ten million characters through a real browser: close to a minute on a busy two-core machine.
  test.setTimeout(120_000);
  const { id, code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}`);
  const body = page.getByLabel("Note", { exact: true });
  // Required fields are marked, in words, and the control says so to screen readers.
  const label = page.locator(`label[for="${await body.getAttribute("id")}"]`);
  await expect(label.locator("xpath=..")).toHaveText("Note(required)");
  await expect(body).toHaveAttribute("required", "");
  await expect(page.getByText("Up to 10,000 characters")).toBeVisible();

  // Ten megabytes pasted in one go (as a paste does: one input event).
  const pasted = "x".repeat(10_000_000);
  await body.evaluate((element, text) => {
    (element as HTMLTextAreaElement).value = text;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, pasted);
  const over = page.getByText("10,000,000 characters: 9,990,000 over the limit of 10,000. Shorten it before saving; what you typed is kept.");
  await expect(over).toBeVisible({ timeout: 30_000 });
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(body).toBeFocused();
  expect(await body.evaluate((element) => (element as HTMLTextAreaElement).value.length)).toBe(10_000_000);
  expect(await notesOf(id)).toEqual([]);
  await expectAccessible(page);

  // Cut to fit, it saves.
  const text = `Visit at the IDC ${uniqueTag()}`;
  await body.fill(text);
  await expect(over).toHaveCount(0);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Note saved.")).toBeVisible();
  expect(await notesOf(id)).toEqual([{ body: text }]);
});

test("a save that does not reach the server keeps the text and says so; sent again, it is saved once", async ({ page }) => {
  // A task: notes are kept on the device instead (e2e/offline.spec.ts); every other form says so and keeps the text.
  const { id, code } = await newCase();
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${code}/tasks`);
  await page.waitForLoadState("networkidle");
  // The connection drops as the task is sent: every server action request fails.
  const dropActions = (route: import("@playwright/test").Route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.fallback();
  await page.route("**/*", dropActions);
  const text = `Call the embassy ${uniqueTag()}`;
  const title = page.getByLabel("Task", { exact: true });
  await title.fill(text);
  await page.getByLabel("Due on").fill("2096-03-02");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText("The save did not go through (the connection may have dropped). What you typed is still here: try again.")).toBeVisible();
  await expect(title).toHaveValue(text);
  const tasksOf = () => sql(`select 1 from "Task" where "caseId" = $1 and title = $2`, [id, text]);
  expect(await tasksOf()).toHaveLength(0);

  await page.unroute("**/*", dropActions);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText("Task added.")).toBeVisible();
  expect(await tasksOf()).toHaveLength(1);
});
