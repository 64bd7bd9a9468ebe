import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb, openFor } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { referralSchema } from "./schema";
import { Refusal } from "@/lib/refusal";
import { createReferral, updateReferralStatus, visibleReferral } from "./referrals";
import { recordConsent, withdrawConsent } from "@/lib/consent/consents";
import { recordConsentSchema } from "@/lib/consent/schema";

let caseId: string;
let caseCode: string;
let caseworker: Actor;
let supervisor: Actor;
let partnerTeamMember: Actor;
let outsider: Actor;
let inDeployment: string;
let outside: string;

const form = (extra: Record<string, unknown>) =>
  referralSchema.parse({ partnerId: inDeployment, service: "SHELTER", reason: "Shelter after release", sections: ["household"], ...extra });
let consent: { consentId: string };
let personId: string;

/** The principal's consent, recorded as the Consent tab records it. */
async function consentTo(partnerId: string, extra: Record<string, unknown> = {}) {
  const input = recordConsentSchema.parse({ personId, purpose: "REFERRAL", partnerId, method: "VERBAL_INTERPRETED", interpreter: "Ms Hoa", interpreterLanguage: "Vietnamese", givenOn: "2026-11-01", ...extra });
  return (await recordConsent(await openFor(caseworker, caseCode), input, null)).id;
}

beforeAll(async () => {
  const team = await makeTeam("Referring");
  const partnerTeam = await makeTeam("Partner");
  caseworker = await makeUser("CASEWORKER", team.id);
  supervisor = await makeUser("SUPERVISOR", team.id);
  partnerTeamMember = await makeUser("CASEWORKER", partnerTeam.id);
  outsider = await makeUser("CASEWORKER", (await makeTeam("Unrelated")).id);
  const created = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Referred Person ${tag()}` } });
  caseId = created.id;
  caseCode = created.code;
  inDeployment = (await testDb.partner.create({ data: { name: `Shelter ${tag()}`, services: ["SHELTER"], teamId: partnerTeam.id } })).id;
  outside = (await testDb.partner.create({ data: { name: `Clinic ${tag()}`, services: ["MEDICAL"] } })).id;
  personId = (await testDb.person.findFirstOrThrow({ where: { caseId } })).id;
  consent = { consentId: await consentTo(inDeployment) };
});

describe("referrals", () => {
  it("are refused without consent unless a supervisor overrides with a reason", () => {
    const refused = referralSchema.safeParse({ partnerId: inDeployment, service: "SHELTER", reason: "x", sections: ["household"] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["consentId", "consentRequired"]]);
    // Consent given through an interpreter says who interpreted, and in which language.
    const half = recordConsentSchema.safeParse({ personId: crypto.randomUUID(), purpose: "REFERRAL", partnerId: inDeployment, method: "VERBAL_INTERPRETED", givenOn: "2026-11-01" });
    expect(half.error?.issues.map((i) => i.path.join("."))).toEqual(["interpreter", "interpreterLanguage"]);
  });

  it("let only supervisors send without consent, and audit the override", async () => {
    const input = form({ overrideReason: "Medical emergency in detention, person unconscious" });
    await expect(createReferral(await openFor(caseworker, caseCode), input, null)).rejects.toBeInstanceOf(Refusal);
    expect(await testDb.referral.count({ where: { caseId } })).toBe(0);
    const sent = await createReferral(await openFor(supervisor, caseCode), input, null);
    const audit = await testDb.auditLog.findMany({ where: { entityId: sent.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audit).toEqual([
      { action: "referral.create", actorId: supervisor.id },
      { action: "referral.override", actorId: supervisor.id },
    ]);
  });

  it("share what the case said when sent, pseudonymised, and later edits do not reach the partner", async () => {
    const sent = await createReferral(await openFor(caseworker, caseCode), form(consent), null);
    await testDb.person.updateMany({ where: { caseId }, data: { birthYear: 1950 } });
    const seen = await visibleReferral(partnerTeamMember, sent.id);
    expect(seen?.receiver).toBe(true);
    expect(seen?.sender).toBe(false);
    expect(seen?.shared?.household).toEqual([expect.objectContaining({ birthYear: 1980, relationship: "PRINCIPAL" })]);
    expect(JSON.stringify(seen?.shared)).not.toContain("Referred Person");
    expect(seen?.shared?.journey).toBeNull();
    // Someone in neither team sees nothing.
    expect(await visibleReferral(outsider, sent.id)).toBeNull();
  });

  it("move sent → accepted → completed, never backwards, and refuse a stale answer", async () => {
    const sent = await createReferral(await openFor(caseworker, caseCode), form(consent), null);
    const first = (await visibleReferral(partnerTeamMember, sent.id))!;
    await updateReferralStatus(partnerTeamMember, first, { version: first.version, status: "ACCEPTED", note: null }, null);
    // The same (now stale) page answers again: a conflict, not an overwrite.
    await expect(updateReferralStatus(partnerTeamMember, first, { version: first.version, status: "DECLINED", note: null }, null)).rejects.toThrow("conflict");
    const accepted = (await visibleReferral(partnerTeamMember, sent.id))!;
    await expect(updateReferralStatus(partnerTeamMember, accepted, { version: accepted.version, status: "DECLINED", note: null }, null)).rejects.toBeInstanceOf(Refusal);
    await updateReferralStatus(partnerTeamMember, accepted, { version: accepted.version, status: "COMPLETED", note: "Placed" }, null);
    expect(await testDb.referral.findUniqueOrThrow({ where: { id: sent.id }, select: { status: true, statusNote: true } })).toEqual({ status: "COMPLETED", statusNote: "Placed" });
  });

  it("refuse a service the partner does not offer", async () => {
    await expect(createReferral(await openFor(caseworker, caseCode), form({ ...consent, partnerId: outside, service: "SHELTER" }), null)).rejects.toMatchObject({ key: "serviceNotOffered" });
  });

  it("rest on a consent that stands today for that partner: not another partner's, not an ended one", async () => {
    const otherPartners = await consentTo(outside, { purpose: "REFERRAL" });
    await expect(createReferral(await openFor(caseworker, caseCode), form({ consentId: otherPartners }), null)).rejects.toMatchObject({ key: "consentNotStanding", field: "consentId" });
    const ended = await consentTo(inDeployment, { givenOn: "2025-01-01", validUntil: "2025-06-30" });
    await expect(createReferral(await openFor(caseworker, caseCode), form({ consentId: ended }), null)).rejects.toMatchObject({ key: "consentNotStanding" });
  });

  it("stop showing what they shared once the consent is withdrawn, and no new referral may rest on it", async () => {
    const consentId = await consentTo(inDeployment);
    const sent = await createReferral(await openFor(caseworker, caseCode), form({ consentId }), null);
    expect((await visibleReferral(partnerTeamMember, sent.id))?.shared?.household).toHaveLength(1);
    const row = await testDb.consent.findUniqueOrThrow({ where: { id: consentId } });
    const result = await withdrawConsent(await openFor(caseworker, caseCode), consentId, { version: row.version, withdrawnOn: "2026-11-30", note: "Told the caseworker by phone" }, null);
    expect(result.referrals).toBe(1);
    const seen = (await visibleReferral(partnerTeamMember, sent.id))!;
    expect(seen.shared).toBeNull();
    expect(seen.sharedRemovedBecause).toBe("consentWithdrawn");
    expect(JSON.stringify((await testDb.referral.findUniqueOrThrow({ where: { id: sent.id } })).shared)).toBe("{}");
    await expect(createReferral(await openFor(caseworker, caseCode), form({ consentId }), null)).rejects.toMatchObject({ key: "consentNotStanding" });
    // Withdrawn once: a second withdrawal (a stale page) is refused, and both acts are audited.
    await expect(withdrawConsent(await openFor(caseworker, caseCode), consentId, { version: row.version, withdrawnOn: "2026-11-30", note: null }, null)).rejects.toMatchObject({ key: "consentAlreadyWithdrawn" });
    expect((await testDb.auditLog.findMany({ where: { entityId: consentId }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["consent.record", "consent.withdraw"]);
  });
});
