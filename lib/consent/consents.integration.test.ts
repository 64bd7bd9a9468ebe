import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { exportCaseSummary } from "@/lib/summaries/export";
import { caseConsents, recordConsent, standingConsents, withdrawConsent } from "./consents";
import { recordConsentSchema } from "./schema";

let caseworker: Actor;
let code: string;
let personId: string;
let otherPersonId: string;

const input = (extra: Record<string, unknown>) => recordConsentSchema.parse({ personId, method: "WRITTEN", givenOn: "2026-10-01", ...extra });

beforeAll(async () => {
  const team = await makeTeam("Consent");
  caseworker = await makeUser("CASEWORKER", team.id);
  const created = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Consenting ${tag()}` } });
  code = created.code;
  personId = (await testDb.person.findFirstOrThrow({ where: { caseId: created.id } })).id;
  const other = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Someone else ${tag()}` } });
  otherPersonId = (await testDb.person.findFirstOrThrow({ where: { caseId: other.id } })).id;
});

describe("consent per person and purpose (issue 14, item 5)", () => {
  it("is recorded for a person of the case only, and kept as a history with its state", async () => {
    const access = await openFor(caseworker, code);
    await expect(recordConsent(access, input({ personId: otherPersonId, purpose: "CONTACT" }), null)).rejects.toMatchObject({ key: "invalidChoice", field: "personId" });
    await recordConsent(access, input({ purpose: "CONTACT" }), null);
    await recordConsent(access, input({ purpose: "PHOTOS_AND_DOCUMENTS", givenOn: "2024-01-01", validUntil: "2024-12-31" }), null);
    const history = await caseConsents(access);
    expect(history.map((c) => [c.purpose, c.state])).toEqual([
      ["CONTACT", "standing"],
      ["PHOTOS_AND_DOCUMENTS", "expired"],
    ]);
    expect(history[0].recordedBy).toBe((caseworker as { name?: string }).name);
  });

  it("refuses a summary with names resting on a consent that does not cover sharing, or was withdrawn", async () => {
    const access = await openFor(caseworker, code);
    const request = { sections: ["household" as const], identifying: true, purpose: "Resettlement file" };
    const contact = (await standingConsents(access, ["CONTACT"]))[0];
    await expect(exportCaseSummary(access, { ...request, consentId: contact.id }, null)).rejects.toMatchObject({ key: "consentNotStanding" });
    const { id } = await recordConsent(access, input({ purpose: "RESETTLEMENT" }), null);
    const row = await testDb.consent.findUniqueOrThrow({ where: { id } });
    await withdrawConsent(access, id, { version: row.version, withdrawnOn: "2026-11-01", note: null }, null);
    await expect(exportCaseSummary(access, { ...request, consentId: id }, null)).rejects.toMatchObject({ key: "consentNotStanding" });
    expect(await testDb.auditLog.count({ where: { caseId: access.caseId, action: "case.summary" } })).toBe(0);
  });

  it("cannot be withdrawn before it was given", async () => {
    const access = await openFor(caseworker, code);
    const { id } = await recordConsent(access, input({ purpose: "UNHCR_SHARING" }), null);
    await expect(withdrawConsent(access, id, { version: 1, withdrawnOn: "2026-09-01", note: null }, null)).rejects.toMatchObject({ key: "consentWithdrawnBeforeGiven", field: "withdrawnOn" });
  });
});
