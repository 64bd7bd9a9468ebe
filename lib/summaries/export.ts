import "server-only";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import { loadCaseSummary, type SummaryRequest } from "./case-summary";
import { renderCaseSummaryPdf } from "./pdf";
import { refuse } from "@/lib/refusal";
import { standingConsent } from "@/lib/consent/consents";
import { SHARING_PURPOSES } from "@/lib/consent/schema";
import { summaryWords } from "./words";

/** The one-page PDF summary of an opened case, audited with the sections chosen and whether names were included (why, and the consent it rests on). */
export async function exportCaseSummary(access: CaseAccess, request: SummaryRequest & { purpose: string | null; consentId: string | null }, ip: string | null): Promise<Buffer> {
  // With names, it rests on a consent to share that stands now: a withdrawn one refuses it.
  if (request.identifying && !(request.consentId && (await standingConsent(db, access.caseId, request.consentId, SHARING_PURPOSES)))) refuse("consentNotStanding", "consentId");
  const summary = await loadCaseSummary(access, { ...request, locale: await getLocale() });
  const pdf = await renderCaseSummaryPdf(summary, await summaryWords());
  await recordAudit(db, {
    actorId: access.actor.id,
    action: "case.summary",
    entity: "Case",
    entityId: access.caseId,
    caseId: access.caseId,
    ip,
    fields: request.sections,
    detail: { identifying: request.identifying, purpose: request.purpose, ...(request.identifying ? { consentId: request.consentId } : {}) },
  });
  return pdf;
}
