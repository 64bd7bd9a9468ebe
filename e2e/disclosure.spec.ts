import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./helpers";
import { newCase } from "./data";

// A closed section (components/ui/disclosure.tsx) is served with its summary
// only; its form is drawn in the browser when the section is first opened,
// and stays drawn (decision 013).
test("a closed section's form is drawn when first opened, from the keyboard too, and keeps what was typed when closed and opened again", async ({ page }) => {
  const { code } = await newCase();
  await signInAs(page, "caseworker");
  const response = await page.goto(`/cases/${code}/custody`);
  const served = (await response?.text()) ?? "";
  expect(served).toContain("Record a fine");
  expect(served).not.toContain('name="legalBasis"');
  // "Record a detention episode" is opened by the page itself (the case has none), so its form is served.
  expect(served).toContain('name="facilityId"');
  await page.waitForLoadState("networkidle");

  const fineForm = page.getByRole("form", { name: "Record a fine" });
  await expect(fineForm).toHaveCount(0);
  const summary = page.locator("summary", { hasText: "Record a fine" });
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(fineForm.getByLabel("Legal basis")).toBeVisible();
  await expectAccessible(page);
  await fineForm.getByLabel("Legal basis").fill("Immigration Act: illegal entry");

  await summary.press("Enter");
  await expect(fineForm).toBeHidden();
  await summary.press("Enter");
  await expect(fineForm.getByLabel("Legal basis")).toHaveValue("Immigration Act: illegal entry");
});
