// Compile-fail fixture, never run: tests/case-access-types.test.ts type-checks
// this file and expects an error on exactly the lines marked "must not
// compile". Every function that reads or writes inside one case takes the
// CaseAccess that only openCase makes; a bare case id, or an object made by
// hand to look like one, is a type error.
import type { Actor } from "@/lib/policy";
import type { Tx } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { getTimeline, personBelongsToCase } from "@/lib/cases/queries";
import { getCaseFile } from "@/lib/cases/case-file";
import { getCustody } from "@/lib/detention/queries";
import { caseDocuments } from "@/lib/documents/queries";
import { caseTasks, taskAssignees } from "@/lib/tasks/queries";
import { getProceedings, proceedingsTabChoices, proceedingStages } from "@/lib/proceedings/queries";
import { moveProceeding, openProceeding } from "@/lib/proceedings/transitions";
import { hearingCounsel } from "@/lib/hearings/queries";
import { caseOverview } from "@/lib/cases/overview";
import { addNote } from "@/lib/notes/add-note";
import { protectedDetailsOf, protectedPeopleSelect, readProtectedDetails } from "@/lib/people/protected";
import { erasePerson, subjectAccessExport } from "@/lib/people/subject-requests";
import { caseReferrals, createReferral } from "@/lib/referrals/referrals";
import { loadCaseSummary } from "@/lib/summaries/case-summary";
import { mergeCases } from "@/lib/cases/merge";

declare const caseId: string;
declare const actor: Actor;
declare const tx: Tx;
declare const access: CaseAccess;
declare const input: never;

export async function withABareCaseId() {
  await getCaseFile(caseId); // must not compile
  await getTimeline(caseId, null); // must not compile
  await personBelongsToCase(caseId, null); // must not compile
  await getCustody(caseId); // must not compile
  await caseDocuments(caseId); // must not compile
  await caseTasks(caseId); // must not compile
  await taskAssignees(caseId); // must not compile
  await getProceedings(caseId); // must not compile
  await proceedingStages(caseId); // must not compile
  await proceedingsTabChoices(actor, caseId); // must not compile
  await hearingCounsel(caseId); // must not compile
  await caseOverview(caseId, actor, null, null); // must not compile
  await openProceeding(tx, caseId, input, null); // must not compile
  await moveProceeding(tx, caseId, caseId, input, null); // must not compile
  await addNote(caseId, input, null); // must not compile
  await readProtectedDetails(caseId, null); // must not compile
  protectedPeopleSelect(caseId); // must not compile
  await protectedDetailsOf(caseId, null, [], []); // must not compile
  await subjectAccessExport(caseId, caseId, null); // must not compile
  await erasePerson(caseId, caseId, "", null); // must not compile
  await caseReferrals(caseId); // must not compile
  await createReferral(caseId, input, null); // must not compile
  await loadCaseSummary(caseId, input); // must not compile
  await mergeCases(caseId, caseId, input, null); // must not compile
}

export async function withAForgedAccess() {
  const forged = { actor, caseId, code: "WP-2026-000001", teamId: caseId, sensitivity: "STANDARD" as const, named: true };
  await getCustody(forged); // must not compile
  await caseDocuments({ ...forged }); // must not compile
}

// The control: with the CaseAccess that openCase returns, the same calls compile.
export async function withAccess() {
  await getCaseFile(access);
  await getTimeline(access, null);
  await personBelongsToCase(access, null);
  await getCustody(access);
  await caseDocuments(access);
  await caseTasks(access);
  await taskAssignees(access);
  await getProceedings(access);
  await proceedingStages(access);
  await proceedingsTabChoices(actor, access);
  await hearingCounsel(access);
  await caseOverview(access, actor, null, null);
  await openProceeding(tx, access, input, null);
  await moveProceeding(tx, access, caseId, input, null);
  await addNote(access, input, null);
  await readProtectedDetails(access, null);
  protectedPeopleSelect(access);
  await protectedDetailsOf(access, null, [], []);
  await subjectAccessExport(access, caseId, null);
  await erasePerson(access, caseId, "", null);
  await caseReferrals(access);
  await createReferral(access, input, null);
  await loadCaseSummary(access, input);
  await mergeCases(access, access, input, null);
}
