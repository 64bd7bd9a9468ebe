import { expect, test } from "@playwright/test";
import { ownAccount, signInAs, sql } from "./helpers";
import { newCase } from "./data";

test("the timeline names changed fields by their labels, in the reader's language, never by column names", async ({ page }) => {
  const target = await newCase({ team: "Bangkok" });
  // A detention episode changed: the audit row names its fields as stored.
  await sql(
    `insert into "AuditLog" ("actorId", action, entity, "caseId", fields)
     select "caseworkerId", 'detention.update', 'DetentionEpisode', id, array['startedOn', 'sentenceEndsOn', 'releasedOn', 'assigneeId'] from "Case" where id = $1`,
    [target.id],
  );
  await signInAs(page, "caseworker");
  await page.goto(`/cases/${target.code}`);
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("Changed: Detained on, Sentence / expected release");
  await expect(timeline).not.toContainText("startedOn");
  await expect(timeline).not.toContainText("assigneeId");

  const thai = await ownAccount("CASEWORKER", "Bangkok");
  await sql(`update "User" set locale = 'th' where email = $1`, [thai]);
  const other = await (await page.context().browser()!.newContext()).newPage();
  await signInAs(other, { email: thai });
  await other.goto(`/cases/${target.code}`);
  const thaiTimeline = other.getByTestId("timeline");
  await expect(thaiTimeline).toContainText("ถูกควบคุมตัวเมื่อ");
  await expect(thaiTimeline).not.toContainText("startedOn");
  await expect(thaiTimeline).not.toContainText("sentenceEndsOn");
});
