import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql } from "./helpers";
import { newCase } from "./data";

// A page is the server's HTML until its scripts have run, and on a slow phone
// a reader fills it in before then. These journeys hold the scripts back,
// fill the form in, then let them run.

// The page's scripts must come from the network, where they can be held back.
test.use({ serviceWorkers: "block" });

/** Holds the page's scripts back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("choices made and a date typed before the page's scripts ran are kept, bring their fields, and the form waits for the scripts to be sent", async ({ page }) => {
  const target = await newCase();
  await signInAs(page, "caseworker");
  const runScripts = await holdScripts(page);
  await page.goto(`/cases/${target.code}/consent`, { waitUntil: "domcontentloaded" });
  const record = page.getByRole("form", { name: "Record consent" });
  const send = record.getByRole("button", { name: "Record consent" });
  // Sent now, the browser would send it itself, with every field in the address.
  await expect(send).toBeDisabled();
  await record.getByLabel("Who gave it").selectOption({ label: target.name });
  await record.getByLabel("For").selectOption("REFERRAL");
  await record.getByLabel("How it was given").selectOption("VERBAL_INTERPRETED");
  await record.getByLabel("Given on").fill("20/11/2026");
  await expect(record.getByLabel("Partner it covers")).toHaveCount(0);

  runScripts();
  await expect(send).toBeEnabled();
  await expect(record.getByLabel("For")).toHaveValue("REFERRAL");
  await expect(record.getByLabel("How it was given")).toHaveValue("VERBAL_INTERPRETED");
  await expect(record.getByLabel("Partner it covers")).toBeVisible();
  await expect(record.getByLabel("Interpreter")).toBeVisible();
  await expect(record.getByText("Read as Nov 20, 2026")).toBeVisible();
  await expectAccessible(page);

  await record.getByLabel("Partner it covers").selectOption({ index: 1 });
  await record.getByLabel("Interpreter").fill("Mr Tuan");
  await record.getByLabel("Language").fill("Vietnamese");
  await send.click();
  await expect(record.getByText("Consent recorded.")).toBeVisible();
  const saved = await sql<{ purpose: string; method: string; givenOn: string; partnerId: string | null }>(
    `select purpose, method, to_char("givenOn", 'YYYY-MM-DD') as "givenOn", "partnerId" from "Consent" where "caseId" = $1`,
    [target.id],
  );
  expect(saved).toEqual([{ purpose: "REFERRAL", method: "VERBAL_INTERPRETED", givenOn: "2026-11-20", partnerId: expect.any(String) }]);
  // The form empties itself after the save, and the fields the choices brought go with them.
  await expect(record.getByLabel("For")).toHaveValue("");
  await expect(record.getByLabel("Partner it covers")).toHaveCount(0);
  await expect(record.getByLabel("Interpreter")).toHaveCount(0);
});

test("a proceeding's type chosen before the page's scripts ran keeps its starting stages and its own fields", async ({ page }) => {
  const target = await newCase();
  await signInAs(page, "caseworker");
  const runScripts = await holdScripts(page);
  await page.goto(`/cases/${target.code}/proceedings`, { waitUntil: "domcontentloaded" });
  const form = page.getByRole("region", { name: "Open a proceeding" });
  // The server drew the form for a refugee status determination: its stage and its certificate field.
  await expect(form.getByLabel("Certificate expires on")).toBeVisible();
  await form.getByLabel("Type").selectOption({ label: "Resettlement" });
  await expect(form.getByLabel("Resettlement programme")).toHaveCount(0);

  runScripts();
  await expect(form.getByRole("button", { name: "Open proceeding" })).toBeEnabled();
  await expect(form.getByLabel("Type")).toHaveValue("RESETTLEMENT");
  await expect(form.getByLabel("Resettlement programme")).toBeVisible();
  await expect(form.getByLabel("Certificate expires on")).toHaveCount(0);
  await expect(form.getByLabel("Starting stage").locator("option")).toHaveText(["Needs assessed"]);
  expect(await sql(`select 1 from "Proceeding" where "caseId" = $1`, [target.id])).toHaveLength(0);
});
