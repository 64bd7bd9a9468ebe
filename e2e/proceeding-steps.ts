// Steps on a case's proceedings page, shared by the journeys that open and move proceedings.
import { expect, type Page } from "@playwright/test";

/** Bangkok's calendar date `days` ago, "YYYY-MM-DD". */
export function isoDaysAgo(days: number) {
  const now = new Date(Date.now() + 7 * 3600_000); // Bangkok's calendar date
  now.setUTCDate(now.getUTCDate() - days);
  return now.toISOString().slice(0, 10);
}

export async function moveTo(page: Page, proceeding: string, stage: string, reason: string, occurredOn?: string) {
  const card = page.getByRole("article", { name: proceeding });
  await card.getByLabel("Move to").selectOption({ label: stage });
  if (occurredOn) await card.getByLabel("Date it happened").fill(occurredOn);
  await card.getByLabel("Reason or note").fill(reason);
  await card.getByRole("button", { name: "Record move" }).click();
  await expect(card.getByTestId("current-stage")).toHaveText(stage);
}

export async function openProceeding(page: Page, type: string, options: { reason: string; occurredOn?: string; reference?: string; certificateExpiresOn?: string; stage?: string }) {
  const form = page.getByRole("region", { name: "Open a proceeding" });
  await form.getByLabel("Type").selectOption({ label: type });
  if (options.stage) await form.getByLabel("Starting stage").selectOption({ label: options.stage });
  if (options.occurredOn) await form.getByLabel("Date it happened").fill(options.occurredOn);
  if (options.reference) await form.getByLabel("Reference").fill(options.reference);
  if (options.certificateExpiresOn) await form.getByLabel("Certificate expires on").fill(options.certificateExpiresOn);
  await form.getByLabel("Reason or note").fill(options.reason);
  await form.getByRole("button", { name: "Open proceeding" }).click();
  await expect(page.getByRole("article", { name: type })).toBeVisible();
}

