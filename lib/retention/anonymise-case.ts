import "server-only";
// Anonymising a closed case: everything that names or points to a person is
// removed, everything the figures count is kept, so every dashboard figure
// and donor report reads the same before and after. Kept: the case's team,
// status, sensitivity, dates, nationality and household size; each person's
// relationship, sex, birth year, nationality, ethnicity, languages and
// vulnerabilities; the journey's countries and dates; proceedings, stages
// and their dates; detention, fines and expenses as amounts and dates.
// Removed: names, aliases, full birth dates, identity numbers, religion,
// contact details and addresses; every free text (notes, reasons, outcomes,
// descriptions); the names of parties and interpreters; documents; what
// referrals shared and what merges kept. Audit rows hold field names only,
// never values, and stay as they are.
import type { Tx } from "@/lib/db";
import { identityRemoved } from "@/lib/people/fields";

export const ANONYMISED_NAME = "Anonymised";

/** Anonymises the given cases (the caller locked them and checked they are due); returns the document files to remove after commit. */
export async function anonymiseCases(tx: Tx, caseIds: string[], at: Date): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const inCases = { caseId: { in: caseIds } };
  const documents = await tx.document.findMany({ where: inCases, select: { storageKey: true } });
  await tx.document.deleteMany({ where: inCases });
  await tx.person.updateMany({
    where: inCases,
    data: { latinName: ANONYMISED_NAME, ...identityRemoved(), version: { increment: 1 } },
  });
  await tx.case.updateMany({ where: { id: { in: caseIds } }, data: { principalName: ANONYMISED_NAME, principalNativeName: null, anonymisedAt: at, version: { increment: 1 } } });
  await tx.note.updateMany({ where: inCases, data: { body: "" } });
  await tx.protectionIncident.updateMany({ where: inCases, data: { description: "" } });
  await tx.expense.updateMany({ where: inCases, data: { description: "" } });
  await tx.detentionEpisode.updateMany({ where: inCases, data: { releaseReason: null } });
  await tx.task.updateMany({ where: { ...inCases, origin: "PERSON" }, data: { title: "" } });
  await tx.closureRequest.updateMany({ where: inCases, data: { reason: "", comment: null } });
  await tx.legalHold.updateMany({ where: inCases, data: { reason: "", liftReason: null } });
  await tx.referral.updateMany({ where: inCases, data: { reason: "", statusNote: null, shared: {} } });
  await tx.consent.updateMany({ where: inCases, data: { note: null, interpreter: null, withdrawalNote: null } });
  // A referral already withdrawn keeps saying so.
  await tx.referral.updateMany({ where: { ...inCases, sharedRemovedAt: null }, data: { sharedRemovedAt: at, sharedRemovedBecause: "retention" } });
  await tx.caseMerge.updateMany({ where: { survivingCaseId: { in: caseIds } }, data: { record: {} } });
  const inProceedings = { proceeding: { caseId: { in: caseIds } } };
  await tx.proceeding.updateMany({ where: inCases, data: { reference: null } });
  await tx.stageChange.updateMany({ where: inProceedings, data: { reason: "" } });
  await tx.hearing.updateMany({ where: inProceedings, data: { interpreter: null, outcome: null } });
  await tx.proceedingParty.deleteMany({ where: inProceedings });
  return documents.map((d) => d.storageKey);
}
